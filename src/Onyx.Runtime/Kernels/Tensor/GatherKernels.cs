using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>Gather, GatherElements and GatherND (Operators.md) for every element type: they copy elements selected by index.</summary>
internal static class GatherKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Gather", node => Gather(node.Attributes.Int("axis", 0))),
        KernelRegistration.All("GatherElements", node => GatherElements(node.Attributes.Int("axis", 0))),
        KernelRegistration.All("GatherND", node => GatherND(node.Attributes.Int("batch_dims", 0))),
    ];

    /// <summary>Output dims data[:axis] + indices + data[axis+1:]: for each outer position and index, the inner block at that index.</summary>
    private static Kernel Gather(long axisAttribute) => new DelegateKernel(context =>
    {
        Tensor data = context.Tensor(0), indexTensor = context.Tensor(1);
        if (data.Dims.Length == 0)
            throw context.Fail($"input 0 ('{Name(context, 0)}') is a scalar; Gather needs rank 1 or more");
        int axis = Axis(context, axisAttribute, data.Dims.Length);
        long[] indices = Indices(context, 1);
        long dim = data.Dims[axis];
        Normalize(context, 1, indices, dim);
        long[] dims = [.. data.Dims[..axis], .. indexTensor.Dims, .. data.Dims[(axis + 1)..]];
        long outer = IndexingOffsets.Product(data.Dims, 0, axis), inner = IndexingOffsets.Product(data.Dims, axis + 1, data.Dims.Length);
        var source = new IndexedSource(data);
        IndexedTarget output = Output(context, data.DataType, dims);
        long to = 0;
        for (long o = 0; o < outer; o++)
        {
            foreach (long index in indices)
            {
                output.Copy(source, (o * dim + index) * inner, to, inner);
                to += inner;
            }
        }
        SetOutput(context, 0, output, dims);
    });

    /// <summary>Output shaped like indices: each element is data's at the same position, with the axis coordinate taken from indices.</summary>
    private static Kernel GatherElements(long axisAttribute) => new DelegateKernel(context =>
    {
        Tensor data = context.Tensor(0), indexTensor = context.Tensor(1);
        int axis = ElementwiseAxis(context, axisAttribute, data, indexTensor);
        long[] indices = Indices(context, 1);
        Normalize(context, 1, indices, data.Dims[axis]);
        long[] offsets = IndexingOffsets.AlongAxis(data.Dims, indexTensor.Dims, axis, indices);
        var source = new IndexedSource(data);
        IndexedTarget output = Output(context, data.DataType, indexTensor.Dims);
        for (long i = 0; i < offsets.Length; i++)
            output.Copy(source, offsets[i], i, 1);
        SetOutput(context, 0, output, indexTensor.Dims);
    });

    /// <summary>
    /// The axis of GatherElements and ScatterElements, whose index input (input 1) must have data's rank and no dim
    /// larger than data's away from the axis.
    /// </summary>
    public static int ElementwiseAxis(KernelContext context, long axisAttribute, Tensor data, Tensor indices)
    {
        int rank = data.Dims.Length;
        if (rank == 0 || indices.Dims.Length != rank)
            throw context.Fail($"input 1 ('{Name(context, 1)}') has shape {Shape(indices.Dims)}; expected the rank of input 0 ('{Name(context, 0)}'), {Shape(data.Dims)}, at least 1");
        int axis = Axis(context, axisAttribute, rank);
        for (int d = 0; d < rank; d++)
        {
            if (d != axis && indices.Dims[d] > data.Dims[d])
                throw context.Fail($"input 1 ('{Name(context, 1)}') has shape {Shape(indices.Dims)}, larger than input 0 ('{Name(context, 0)}'), {Shape(data.Dims)}, in dim {d}");
        }
        return axis;
    }

    /// <summary>
    /// Output dims indices[:-1] + data[batch_dims + k:], k = indices[-1]: each index tuple selects a slice of data
    /// within its batch (the first batch_dims dims, shared by data and indices).
    /// </summary>
    private static Kernel GatherND(long batchDims) => new DelegateKernel(context =>
    {
        Tensor data = context.Tensor(0), indexTensor = context.Tensor(1);
        (long[] tuples, int k, long count) = Tuples(context, data, indexTensor, batchDims);
        int b = (int)batchDims;
        long[] dims = [.. indexTensor.Dims[..^1], .. data.Dims[(b + k)..]];
        long block = IndexingOffsets.Product(data.Dims, b + k, data.Dims.Length);
        long perBatch = IndexingOffsets.Product(indexTensor.Dims, b, indexTensor.Dims.Length - 1);
        long[] offsets = IndexingOffsets.OfTuples(data.Dims, b, tuples, k, count, perBatch);
        var source = new IndexedSource(data);
        IndexedTarget output = Output(context, data.DataType, dims);
        for (long t = 0; t < offsets.Length; t++)
            output.Copy(source, offsets[t], t * block, block);
        SetOutput(context, 0, output, dims);
    });

    /// <summary>
    /// The index tuples of GatherND and ScatterND (input 1, int64, last dim k), each value checked against its data
    /// dim and made non-negative; with the tuple length and count.
    /// </summary>
    public static (long[] Tuples, int Length, long Count) Tuples(KernelContext context, Tensor data, Tensor indices, long batchDims)
    {
        int r = data.Dims.Length, q = indices.Dims.Length;
        if (r == 0 || q == 0)
            throw context.Fail($"inputs 0 ('{Name(context, 0)}') and 1 ('{Name(context, 1)}') must have rank 1 or more; their shapes are {Shape(data.Dims)} and {Shape(indices.Dims)}");
        if (batchDims < 0 || batchDims >= System.Math.Min(r, q))
            throw context.Fail($"attribute 'batch_dims' is {batchDims}; it must be below the ranks of inputs 0 and 1, {r} and {q}");
        int b = (int)batchDims;
        for (int d = 0; d < b; d++)
        {
            if (data.Dims[d] != indices.Dims[d])
                throw context.Fail($"input 1 ('{Name(context, 1)}') has shape {Shape(indices.Dims)}, whose first {b} (batch) dims differ from input 0's, {Shape(data.Dims)}");
        }
        long k = indices.Dims[^1];
        if (k > r - b)
            throw context.Fail($"input 1 ('{Name(context, 1)}') has tuples of {k} indices, more than the {r - b} dims of input 0 ('{Name(context, 0)}') past the batch dims");
        long[] tuples = Indices(context, 1);
        for (int i = 0; i < tuples.Length; i++)
            tuples[i] = Index(context, 1, tuples[i], data.Dims[b + (int)(i % k)]);
        return (tuples, (int)k, IndexingOffsets.Product(indices.Dims, 0, q - 1));
    }
}
