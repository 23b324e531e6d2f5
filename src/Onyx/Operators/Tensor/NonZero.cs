namespace Onyx.Operators;

/// <summary>The NonZero operator (ai.onnx).</summary>
internal static class NonZero
{
    internal static readonly OperatorSchema V9 = new("NonZero", 9)
    {
        Inference = InferNonZero,
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "tensor(int64)")],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V9 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    /// <summary>[rank of X, number of non-zero elements]: the count depends on the data, so it is known only for a constant X.</summary>
    private static void InferNonZero(InferenceContext context)
    {
        Dim rank = context.InputRank(0) is int r ? new Dim(r) : new Dim();
        Dim count = ConstantElements.NonZeroCount(context, 0) is long n ? new Dim(n) : new Dim();
        context.SetOutput(0, DataType.Int64, [rank, count]);
    }

    internal static OperatorSchema[] Versions => [V9, V13];
}
