namespace Onyx.Operators;

internal static partial class Relu
{
    /// <summary>Y = Max(X, 0).</summary>
    internal static FunctionBody BodyV14(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        w.Output("Y", w.Op("Max", "X", w.ScalarLike(0f, "X")));
        return w.ToBody();
    }
}
