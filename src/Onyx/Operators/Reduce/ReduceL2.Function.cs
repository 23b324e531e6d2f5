namespace Onyx.Operators;

internal static partial class ReduceL2
{
    /// <summary>reduced = sqrt(ReduceSum(data * data)), the root taken in float and cast back.</summary>
    internal static FunctionBody BodyV18(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        string sum = ReduceSumStep.Write(w, context, w.Op("Mul", "data", "data"));
        string root = w.Op("Sqrt", w.Cast(sum, DataType.Float));
        w.Output("reduced", w.Op("CastLike", root, "data"));
        return w.ToBody();
    }
}
