namespace Onyx.Operators;

/// <summary>The CumSum operator (ai.onnx).</summary>
internal static class CumSum
{
    internal static readonly OperatorSchema V11 = new("CumSum", 11)
    {
        Inputs =
        [
            new("x", "T"),
            new("axis", "T2"),
        ],
        Outputs = [new("y", "T")],
        Attributes =
        [
            new("exclusive", 0L),
            new("reverse", 0L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint32), tensor(uint64), tensor(int32), tensor(int64), tensor(float), tensor(double)"),
            new("T2", "tensor(int32), tensor(int64)"),
        ],
        Inference = CumulativeShapes.Infer,
    };

    internal static readonly OperatorSchema V14 = V11 with
    {
        SinceVersion = 14,
        TypeConstraints =
        [
            new("T", "tensor(uint32), tensor(uint64), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("T2", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V11, V14];
}
