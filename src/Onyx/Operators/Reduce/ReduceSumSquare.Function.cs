namespace Onyx.Operators;

internal static partial class ReduceSumSquare
{
    /// <summary>reduced = ReduceSum(data * data).</summary>
    internal static FunctionBody BodyV18(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        w.Output("reduced", ReduceSumStep.Write(w, context, w.Op("Mul", "data", "data")));
        return w.ToBody();
    }
}
