namespace Onyx.Operators;

internal static partial class Softplus
{
    /// <summary>Y = log(exp(X) + 1).</summary>
    internal static FunctionBody BodyV1(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        string exp = w.Op("Exp", "X");
        w.Output("Y", w.Op("Log", w.Op("Add", exp, w.ScalarLike(1f, "X"))));
        return w.ToBody();
    }
}
