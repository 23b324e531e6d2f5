namespace Onyx.Operators;

internal static partial class ThresholdedRelu
{
    /// <summary>Y = alpha &lt; X ? X : 0.</summary>
    internal static FunctionBody BodyV10(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        string alpha = w.ScalarLike(context.Attributes.Float("alpha", 1f), "X");
        string zero = w.ScalarLike(0f, "X");
        w.Output("Y", w.Op("Where", w.Op("Less", alpha, "X"), "X", zero));
        return w.ToBody();
    }
}
