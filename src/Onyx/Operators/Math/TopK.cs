namespace Onyx.Operators;

/// <summary>The TopK operator (ai.onnx).</summary>
internal static class TopK
{
    internal static readonly OperatorSchema V1 = new("TopK", 1)
    {
        Inputs = [new("X", "T")],
        Outputs =
        [
            new("Values", "T"),
            new("Indices", "I"),
        ],
        Attributes =
        [
            new("axis", -1L),
            new("k", AttributeType.Int, Required: true),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double)"),
            new("I", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V10 = V1 with
    {
        SinceVersion = 10,
        Inputs =
        [
            new("X", "T"),
            new("K", "tensor(int64)"),
        ],
        Attributes = [new("axis", -1L)],
    };

    internal static readonly OperatorSchema V11 = V10 with
    {
        SinceVersion = 11,
        Attributes =
        [
            new("axis", -1L),
            new("largest", 1L),
            new("sorted", 1L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
            new("I", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V24 = V11 with
    {
        SinceVersion = 24,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("I", "tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V10, V11, V24];
}
