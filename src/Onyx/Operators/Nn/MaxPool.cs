using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The MaxPool operator (ai.onnx).</summary>
internal static class MaxPool
{
    internal static readonly OperatorSchema V1 = new("MaxPool", 1)
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

    internal static readonly OperatorSchema V8 = V1 with
    {
        SinceVersion = 8,
        Outputs =
        [
            new("Y", "T"),
            new("Indices", "I", Optional),
        ],
        Attributes =
        [
            new("auto_pad", "NOTSET"),
            new("kernel_shape", AttributeType.Ints, Required: true),
            new("pads", AttributeType.Ints),
            new("storage_order", 0L),
            new("strides", AttributeType.Ints),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double)"),
            new("I", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V10 = V8 with
    {
        SinceVersion = 10,
        Attributes =
        [
            new("auto_pad", "NOTSET"),
            new("ceil_mode", 0L),
            new("dilations", AttributeType.Ints),
            new("kernel_shape", AttributeType.Ints, Required: true),
            new("pads", AttributeType.Ints),
            new("storage_order", 0L),
            new("strides", AttributeType.Ints),
        ],
    };

    internal static readonly OperatorSchema V11 = V10 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V12 = V11 with
    {
        SinceVersion = 12,
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(int8), tensor(uint8)"),
            new("I", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V22 = V12 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(int8), tensor(uint8)"),
            new("I", "tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V8, V10, V11, V12, V22];
}
