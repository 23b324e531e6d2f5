namespace Onyx.Operators;

/// <summary>The LpPool operator (ai.onnx).</summary>
internal static class LpPool
{
    internal static readonly OperatorSchema V1 = new("LpPool", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("auto_pad", "NOTSET"),
            new("kernel_shape", AttributeType.Ints),
            new("p", 2.0f),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = PoolShape.InferWindowed,
    };

    internal static readonly OperatorSchema V2 = V1 with
    {
        SinceVersion = 2,
        Attributes =
        [
            new("auto_pad", "NOTSET"),
            new("kernel_shape", AttributeType.Ints, Required: true),
            new("p", 2L),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
    };

    internal static readonly OperatorSchema V11 = V2 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V18 = V11 with
    {
        SinceVersion = 18,
        Attributes =
        [
            new("auto_pad", "NOTSET"),
            new("ceil_mode", 0L),
            new("dilations", AttributeType.Ints),
            new("kernel_shape", AttributeType.Ints, Required: true),
            new("p", 2L),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
    };

    internal static readonly OperatorSchema V22 = V18 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V2, V11, V18, V22];
}
