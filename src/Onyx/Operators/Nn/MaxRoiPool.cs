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
    };

    internal static readonly OperatorSchema V22 = V1 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V22];
}
