namespace Onyx.Operators;

internal static partial class Elu
{
    /// <summary>Y = X &lt; 0 ? alpha * (exp(X) - 1) : X.</summary>
    internal static FunctionBody BodyV6(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        string alpha = w.ScalarLike(context.Attributes.Float("alpha", 1f), "X");
        string zero = w.ScalarLike(0f, "X");
        string one = w.ScalarLike(1f, "X");
        string negative = w.Op("Less", "X", zero);
        string scaled = w.Op("Mul", alpha, w.Op("Sub", w.Op("Exp", "X"), one));
        w.Output("Y", w.Op("Where", negative, scaled, "X"));
        return w.ToBody();
    }
}
