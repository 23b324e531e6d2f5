namespace Onyx.Operators;

internal static partial class HardSigmoid
{
    /// <summary>Y = max(0, min(1, alpha * X + beta)).</summary>
    internal static FunctionBody BodyV6(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        string alpha = w.ScalarLike(context.Attributes.Float("alpha", 0.2f), "X");
        string beta = w.ScalarLike(context.Attributes.Float("beta", 0.5f), "X");
        string zero = w.ScalarLike(0f, "X");
        string one = w.ScalarLike(1f, "X");
        string linear = w.Op("Add", w.Op("Mul", "X", alpha), beta);
        w.Output("Y", w.Op("Max", w.Op("Min", linear, one), zero));
        return w.ToBody();
    }
}
