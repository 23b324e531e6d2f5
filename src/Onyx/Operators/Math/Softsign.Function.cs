namespace Onyx.Operators;

internal static partial class Softsign
{
    /// <summary>output = input / (1 + |input|).</summary>
    internal static FunctionBody BodyV1(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        string one = w.ScalarLike(1f, "input");
        w.Output("output", w.Op("Div", "input", w.Op("Add", one, w.Op("Abs", "input"))));
        return w.ToBody();
    }
}
