namespace Onyx.Operators;

/// <summary>The Pow operator (ai.onnx).</summary>
internal static class Pow
{
    internal static readonly OperatorSchema V1 = new("Pow", 1)
    {
        Inputs =
        [
            new("X", "T"),
            new("Y", "T"),
        ],
        Outputs = [new("Z", "T")],
        Attributes =
        [
            new("axis", AttributeType.Int),
            new("broadcast", 0L),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = Arithmetic.InferLegacyBroadcast,
    };

    internal static readonly OperatorSchema V7 = V1 with
    {
        SinceVersion = 7,
        Attributes = [],
        Inference = context => Arithmetic.Infer(context),
    };

    internal static readonly OperatorSchema V12 = V7 with
    {
        SinceVersion = 12,
        Inputs =
        [
            new("X", "T"),
            new("Y", "T1"),
        ],
        TypeConstraints =
        [
            new("T", "tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V12 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V15 = V13 with
    {
        SinceVersion = 15,
        TypeConstraints =
        [
            new("T", "tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V7, V12, V13, V15];
}
