namespace Onyx.Operators;

/// <summary>The MaxRoiPool operator (ai.onnx).</summary>
internal static class MaxRoiPool
{
    internal static readonly OperatorSchema V1 = new("MaxRoiPool", 1)
    {
        Inputs =
        [
            new("X", "T"),
            new("rois", "T"),
        ],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("pooled_shape", AttributeType.Ints, Required: true),
            new("spatial_scale", 1.0f),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = InferMaxRoiPool,
    };

    internal static readonly OperatorSchema V22 = V1 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    /// <summary>Y is (num_rois × C × pooled_h × pooled_w), from rois (num_rois × 5) and X (N × C × H × W).</summary>
    private static void InferMaxRoiPool(InferenceContext context)
    {
        Shape? x = ExpectedRank.Exactly(context, 0, 4, "N × C × H × W");
        Shape? rois = ExpectedRank.Exactly(context, 1, 2, "num_rois × 5");
        if (rois?.Dims[1].Value is long width && width != 5)
            throw context.Fail($"input rois has {width} values per region; expected 5 (batch index, x1, y1, x2, y2)");
        long[] pooled = SlidingWindow.Ints(context, "pooled_shape", 2, minimum: 1)
            ?? throw context.Fail("attribute 'pooled_shape' is required");
        context.SetOutput(0, context.InputElementType(0), [ExpectedRank.DimOf(rois, 0), ExpectedRank.DimOf(x, 1), new Dim(pooled[0]), new Dim(pooled[1])]);
    }

    internal static OperatorSchema[] Versions => [V1, V22];
}
