namespace Onyx.Operators;

/// <summary>The Div operator (ai.onnx).</summary>
internal static class Div
{
    internal static readonly OperatorSchema V1 = new("Div", 1)
    {
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
        ],
        Outputs = [new("C", "T")],
        Attributes =
        [
            new("axis", AttributeType.Int),
            new("broadcast", 0L),
            new("consumed_inputs", AttributeType.Ints),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = Arithmetic.InferLegacyBroadcast,
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes =
        [
            new("axis", AttributeType.Int),
            new("broadcast", 0L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint32), tensor(uint64), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V7 = V6 with
    {
        SinceVersion = 7,
        Attributes = [],
        Inference = context => Arithmetic.Infer(context, IntegerOperation.Quotient, (a, b) => a / b),
    };

    internal static readonly OperatorSchema V13 = V7 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint32), tensor(uint64), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
    };

    internal static readonly OperatorSchema V14 = V13 with
    {
        SinceVersion = 14,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V6, V7, V13, V14];
}
