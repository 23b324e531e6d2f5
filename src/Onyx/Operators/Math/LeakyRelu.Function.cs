namespace Onyx.Operators;

internal static partial class LeakyRelu
{
    /// <summary>Y = X &lt; 0 ? alpha * X : X.</summary>
    internal static FunctionBody BodyV16(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(16);
        string alpha = w.ScalarLike(context.Attributes.Float("alpha", 0.01f), "X");
        string negative = w.Op("Less", "X", w.ScalarLike(0f, "X"));
        w.Output("Y", w.Op("Where", negative, w.Op("Mul", alpha, "X"), "X"));
        return w.ToBody();
    }
}
