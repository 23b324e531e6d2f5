namespace Onyx.Operators;

/// <summary>
/// The ReduceSum step of the version 18 composite reductions (ReduceL1, ReduceL2, ReduceLogSum, ReduceLogSumExp,
/// ReduceSumSquare): it reduces <c>value</c> over the node's axes with the node's keepdims and noop_with_empty_axes.
/// </summary>
internal static class ReduceSumStep
{
    public static string Write(FunctionBodyWriter w, FunctionBodyContext context, string value) =>
        w.Op("ReduceSum", [value, FunctionBodyWriter.Input(context, 1)],
            Attribute.Create("keepdims", context.Attributes.Int("keepdims", 1)),
            Attribute.Create("noop_with_empty_axes", context.Attributes.Int("noop_with_empty_axes", 0)));
}
