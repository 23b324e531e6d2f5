namespace Onyx.Operators;

/// <summary>Inference shared by CumSum and CumProd: the output keeps the input's shape; a known axis must lie in [-rank, rank).</summary>
internal static class CumulativeShapes
{
    public static void Infer(InferenceContext context)
    {
        if (context.InputShape(1) is { Rank: > 1 } axisShape)
            throw context.Fail($"input 1 ('axis') must be a scalar, but it has shape {axisShape}");
        if (context.InputRank(0) is int rank && context.InputValues(1) is [{ Value: long axis }])
            ShapeRules.Axis(context, axis, rank, "input 'axis'");
        ShapeRules.SameAsFirstInput(context);
    }
}
