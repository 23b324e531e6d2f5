namespace Onyx.Operators;

/// <summary>The CumProd operator (ai.onnx).</summary>
internal static class CumProd
{
    internal static readonly OperatorSchema V26 = new("CumProd", 26)
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
            new("T", "tensor(uint32), tensor(uint64), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("T2", "tensor(int32), tensor(int64)"),
        ],
        Inference = CumulativeShapes.Infer,
    };

    internal static OperatorSchema[] Versions => [V26];
}
