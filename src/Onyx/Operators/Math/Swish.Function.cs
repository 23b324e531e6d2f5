namespace Onyx.Operators;

internal static partial class Swish
{
    /// <summary>Y = X * sigmoid(alpha * X).</summary>
    internal static FunctionBody BodyV24(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(24);
        string alpha = w.ScalarLike(context.Attributes.Float("alpha", 1f), "X");
        w.Output("Y", w.Op("Mul", "X", w.Op("Sigmoid", w.Op("Mul", alpha, "X"))));
        return w.ToBody();
    }
}
