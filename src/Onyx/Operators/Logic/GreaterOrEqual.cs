namespace Onyx.Operators;

/// <summary>The GreaterOrEqual operator (ai.onnx).</summary>
internal static partial class GreaterOrEqual
{
    internal static readonly OperatorSchema V12 = new("GreaterOrEqual", 12)
    {
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
        ],
        Outputs = [new("C", "T1")],
        Inference = Comparison.Infer,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
            new("T1", "tensor(bool)"),
        ],
        FunctionBody = GreaterOrEqual.BodyV12,
    };

    internal static readonly OperatorSchema V16 = V12 with
    {
        SinceVersion = 16,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("T1", "tensor(bool)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V12, V16];
}
