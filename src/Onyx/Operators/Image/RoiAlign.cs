namespace Onyx.Operators;

/// <summary>The RoiAlign operator (ai.onnx).</summary>
internal static class RoiAlign
{
    internal static readonly OperatorSchema V10 = new("RoiAlign", 10)
    {
        Inputs =
        [
            new("X", "T1"),
            new("rois", "T1"),
            new("batch_indices", "T2"),
        ],
        Outputs = [new("Y", "T1")],
        Attributes =
        [
            new("mode", "avg"),
            new("output_height", 1L),
            new("output_width", 1L),
            new("sampling_ratio", 0L),
            new("spatial_scale", 1.0f),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(int64)"),
        ],
        Inference = ImageShapes.RoiAlign,
    };

    internal static readonly OperatorSchema V16 = V10 with
    {
        SinceVersion = 16,
        Attributes =
        [
            new("coordinate_transformation_mode", "half_pixel"),
            new("mode", "avg"),
            new("output_height", 1L),
            new("output_width", 1L),
            new("sampling_ratio", 0L),
            new("spatial_scale", 1.0f),
        ],
    };

    internal static readonly OperatorSchema V22 = V16 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V10, V16, V22];
}
