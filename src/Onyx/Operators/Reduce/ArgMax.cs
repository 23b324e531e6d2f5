namespace Onyx.Operators;

/// <summary>The ArgMax operator (ai.onnx).</summary>
internal static class ArgMax
{
    internal static readonly OperatorSchema V1 = new("ArgMax", 1)
    {
        Inputs = [new("data", "T")],
        Outputs = [new("reduced", "tensor(int64)")],
        Inference = Reduction.InferArg,
        Attributes =
        [
            new("axis", 0L),
            new("keepdims", 1L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V1 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V12 = V11 with
    {
        SinceVersion = 12,
        Attributes =
        [
            new("axis", 0L),
            new("keepdims", 1L),
            new("select_last_index", 0L),
        ],
    };

    internal static readonly OperatorSchema V13 = V12 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V11, V12, V13];
}
