namespace Onyx.Operators;

internal static partial class SwiGLU
{
    /// <summary>Y = Swish(A) * B.</summary>
    internal static FunctionBody BodyV28(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(28);
        string gate = w.Op("Swish", ["A"], Attribute.Create("alpha", context.Attributes.Float("alpha", 1f)));
        w.Output("Y", w.Op("Mul", gate, "B"));
        return w.ToBody();
    }
}
