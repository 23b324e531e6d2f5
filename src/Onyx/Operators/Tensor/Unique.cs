using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Unique operator (ai.onnx).</summary>
internal static class Unique
{
    internal static readonly OperatorSchema V11 = new("Unique", 11)
    {
        Inputs = [new("X", "T")],
        Outputs =
        [
            new("Y", "T"),
            new("indices", "tensor(int64)", Optional),
            new("inverse_indices", "tensor(int64)", Optional),
            new("counts", "tensor(int64)", Optional),
        ],
        Attributes =
        [
            new("axis", AttributeType.Int),
            new("sorted", 1L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V11];
}
