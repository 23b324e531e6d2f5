using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Gemm operator (ai.onnx).</summary>
internal static class Gemm
{
    internal static readonly OperatorSchema V1 = new("Gemm", 1)
    {
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
            new("C", "T"),
        ],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("alpha", 1.0f),
            new("beta", 1.0f),
            new("broadcast", 0L),
            new("transA", 0L),
            new("transB", 0L),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
    };

    internal static readonly OperatorSchema V6 = V1 with { SinceVersion = 6 };

    internal static readonly OperatorSchema V7 = V6 with
    {
        SinceVersion = 7,
        Attributes =
        [
            new("alpha", 1.0f),
            new("beta", 1.0f),
            new("transA", 0L),
            new("transB", 0L),
        ],
    };

    internal static readonly OperatorSchema V9 = V7 with
    {
        SinceVersion = 9,
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(uint32), tensor(uint64), tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V9 with
    {
        SinceVersion = 11,
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
            new("C", "T", Optional),
        ],
    };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(uint32), tensor(uint64), tensor(int32), tensor(int64), tensor(bfloat16)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V6, V7, V9, V11, V13];
}
