namespace Onyx.Operators;

/// <summary>The Equal operator (ai.onnx).</summary>
internal static class Equal
{
    internal static readonly OperatorSchema V1 = new("Equal", 1)
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
            new("T", "tensor(bool), tensor(int32), tensor(int64)"),
            new("T1", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V7 = V1 with
    {
        SinceVersion = 7,
        Inference = Comparison.Infer,
        Attributes = [],
    };

    internal static readonly OperatorSchema V11 = V7 with
    {
        SinceVersion = 11,
        TypeConstraints =
        [
            new("T", "tensor(bool), tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
            new("T1", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(bool), tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("T1", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V19 = V13 with
    {
        SinceVersion = 19,
        TypeConstraints =
        [
            new("T", "tensor(bool), tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16), tensor(string)"),
            new("T1", "tensor(bool)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V7, V11, V13, V19];
}
