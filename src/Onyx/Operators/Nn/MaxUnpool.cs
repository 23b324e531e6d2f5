using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The MaxUnpool operator (ai.onnx).</summary>
internal static class MaxUnpool
{
    internal static readonly OperatorSchema V9 = new("MaxUnpool", 9)
    {
        Inputs =
        [
            new("X", "T1"),
            new("I", "T2"),
            new("output_shape", "T2", Optional),
        ],
        Outputs = [new("output", "T1")],
        Attributes =
        [
            new("kernel_shape", AttributeType.Ints, Required: true),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V9 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V22 = V11 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V9, V11, V22];
}
