using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Split operator (ai.onnx).</summary>
internal static class Split
{
    internal static readonly OperatorSchema V1 = new("Split", 1)
    {
        Inputs =
        [
            new("input", "T"),
            new("split", "T", Optional),
        ],
        Outputs = [new("outputs...", "T", Variadic)],
        Attributes =
        [
            new("axis", AttributeType.Int),
            new("split", AttributeType.Ints),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
    };

    internal static readonly OperatorSchema V2 = V1 with
    {
        SinceVersion = 2,
        Inputs = [new("input", "T")],
        Outputs = [new("outputs", "T", Variadic)],
        Attributes =
        [
            new("axis", 0L),
            new("split", AttributeType.Ints),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V2 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        Inputs =
        [
            new("input", "T"),
            new("split", "tensor(int64)", Optional),
        ],
        Attributes = [new("axis", 0L)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V18 = V13 with
    {
        SinceVersion = 18,
        Attributes =
        [
            new("axis", 0L),
            new("num_outputs", AttributeType.Int),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V2, V11, V13, V18];
}
