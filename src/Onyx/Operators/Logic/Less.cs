namespace Onyx.Operators;

/// <summary>The Less operator (ai.onnx).</summary>
internal static class Less
{
    internal static readonly OperatorSchema V1 = new("Less", 1)
    {
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
        ],
        Outputs = [new("C", "T1")],
        Inference = Comparison.InferLegacyBroadcast,
        Attributes =
        [
            new("axis", AttributeType.Int),
            new("broadcast", 0L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double)"),
            new("T1", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V7 = V1 with
    {
        SinceVersion = 7,
        Inference = Comparison.Infer,
        Attributes = [],
    };

    internal static readonly OperatorSchema V9 = V7 with
    {
        SinceVersion = 9,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
            new("T1", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V9 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("T1", "tensor(bool)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V7, V9, V13];
}
