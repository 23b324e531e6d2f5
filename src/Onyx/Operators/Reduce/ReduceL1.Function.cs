namespace Onyx.Operators;

internal static partial class ReduceL1
{
    /// <summary>reduced = ReduceSum(|data|).</summary>
    internal static FunctionBody BodyV18(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        w.Output("reduced", ReduceSumStep.Write(w, context, w.Op("Abs", "data")));
        return w.ToBody();
    }
}
