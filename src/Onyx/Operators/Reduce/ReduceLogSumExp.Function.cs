namespace Onyx.Operators;

internal static partial class ReduceLogSumExp
{
    /// <summary>reduced = log(ReduceSum(exp(data))), computed in double and cast back.</summary>
    internal static FunctionBody BodyV18(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        string exp = w.Op("Exp", w.Cast("data", DataType.Double));
        w.Output("reduced", w.Op("CastLike", w.Op("Log", ReduceSumStep.Write(w, context, exp)), "data"));
        return w.ToBody();
    }
}
