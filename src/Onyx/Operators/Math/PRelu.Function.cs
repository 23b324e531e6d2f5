namespace Onyx.Operators;

internal static partial class PRelu
{
    /// <summary>Y = X &lt; 0 ? slope * X : X.</summary>
    internal static FunctionBody BodyV16(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(16);
        string negative = w.Op("Less", "X", w.ScalarLike(0f, "X"));
        w.Output("Y", w.Op("Where", negative, w.Op("Mul", "slope", "X"), "X"));
        return w.ToBody();
    }
}
