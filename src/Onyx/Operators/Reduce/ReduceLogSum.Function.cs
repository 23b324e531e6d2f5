namespace Onyx.Operators;

internal static partial class ReduceLogSum
{
    /// <summary>reduced = log(ReduceSum(data)).</summary>
    internal static FunctionBody BodyV18(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        w.Output("reduced", w.Op("Log", ReduceSumStep.Write(w, context, "data")));
        return w.ToBody();
    }
}
