namespace Onyx.Operators;

internal static partial class Selu
{
    /// <summary>Y = gamma * (X &lt; 0 ? alpha * exp(X) - alpha : X).</summary>
    internal static FunctionBody BodyV6(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        string alpha = w.ScalarLike(context.Attributes.Float("alpha")!.Value, "X");
        string gamma = w.ScalarLike(context.Attributes.Float("gamma")!.Value, "X");
        string zero = w.ScalarLike(0f, "X");
        string negative = w.Op("Mul", gamma, w.Op("Sub", w.Op("Mul", alpha, w.Op("Exp", "X")), alpha));
        string positive = w.Op("Mul", gamma, "X");
        w.Output("Y", w.Op("Where", w.Op("Less", "X", zero), negative, positive));
        return w.ToBody();
    }
}
