using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Concat operator (ai.onnx).</summary>
internal static class Concat
{
    internal static readonly OperatorSchema V1 = new("Concat", 1)
    {
        Inputs = [new("inputs", "T", Variadic)],
        Outputs = [new("concat_result", "T")],
        Attributes = [new("axis", AttributeType.Int)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
    };

    internal static readonly OperatorSchema V4 = V1 with
    {
        SinceVersion = 4,
        Attributes = [new("axis", AttributeType.Int, Required: true)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V4 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V4, V11, V13];
}
