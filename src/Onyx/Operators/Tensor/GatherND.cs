namespace Onyx.Operators;

/// <summary>The GatherND operator (ai.onnx).</summary>
internal static class GatherND
{
    internal static readonly OperatorSchema V11 = new("GatherND", 11)
    {
        Inference = InferGatherND,
        Inputs =
        [
            new("data", "T"),
            new("indices", "tensor(int64)"),
        ],
        Outputs = [new("output", "T")],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V12 = V11 with
    {
        SinceVersion = 12,
        Attributes = [new("batch_dims", 0L)],
    };

    internal static readonly OperatorSchema V13 = V12 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    /// <summary>indices.shape[:-1] + data.shape[batch_dims + indices.shape[-1]:]; the rank needs the last dim of indices.</summary>
    private static void InferGatherND(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        Shape? data = context.InputShape(0), indices = context.InputShape(1);
        long batchDims = context.GetInt("batch_dims", 0);
        if (data is { Rank: 0 } || indices is { Rank: 0 })
            throw context.Fail("'data' and 'indices' must have rank at least 1");
        if (batchDims < 0 || data is not null && batchDims >= data.Rank || indices is not null && batchDims >= indices.Rank)
            throw context.Fail($"batch_dims ({batchDims}) must be non-negative and less than the ranks of 'data' and 'indices'");
        if (data is null || indices?.Dims[^1].Value is not long last)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        if (last < 1 || batchDims + last > data.Rank)
            throw context.Fail($"the last dim of 'indices' ({last}) must be in 1..{data.Rank - batchDims} (the rank of 'data' less batch_dims)");
        context.SetOutput(0, elementType, indices.Dims.Take(indices.Rank - 1).Concat(data.Dims.Skip((int)(batchDims + last))));
    }

    internal static OperatorSchema[] Versions => [V11, V12, V13];
}
