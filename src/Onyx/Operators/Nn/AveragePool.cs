namespace Onyx.Operators;

/// <summary>The AveragePool operator (ai.onnx).</summary>
internal static class AveragePool
{
    internal static readonly OperatorSchema V1 = new("AveragePool", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("auto_pad", "NOTSET"),
            new("kernel_shape", AttributeType.Ints, Required: true),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = PoolShape.InferWindowed,
    };

    internal static readonly OperatorSchema V7 = V1 with
    {
        SinceVersion = 7,
        Attributes =
        [
            new("auto_pad", "NOTSET"),
            new("count_include_pad", 0L),
            new("kernel_shape", AttributeType.Ints, Required: true),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
    };

    internal static readonly OperatorSchema V10 = V7 with
    {
        SinceVersion = 10,
        Attributes =
        [
            new("auto_pad", "NOTSET"),
            new("ceil_mode", 0L),
            new("count_include_pad", 0L),
            new("kernel_shape", AttributeType.Ints, Required: true),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
    };

    internal static readonly OperatorSchema V11 = V10 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V19 = V11 with
    {
        SinceVersion = 19,
        Attributes =
        [
            new("auto_pad", "NOTSET"),
            new("ceil_mode", 0L),
            new("count_include_pad", 0L),
            new("dilations", AttributeType.Ints),
            new("kernel_shape", AttributeType.Ints, Required: true),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
    };

    internal static readonly OperatorSchema V22 = V19 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V7, V10, V11, V19, V22];
}
