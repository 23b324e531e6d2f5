using System.Numerics;
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
        long dim = data.Dims[axis];
        int rank = data.Dims.Length - 1 + indexTensor.Dims.Length;
        Span<long> dims = rank <= 32 ? stackalloc long[rank] : new long[rank];
        data.Dims.AsSpan(0, axis).CopyTo(dims);
        indexTensor.Dims.CopyTo(dims[axis..]);
        data.Dims.AsSpan(axis + 1).CopyTo(dims[(axis + indexTensor.Dims.Length)..]);
        long outer = IndexingOffsets.Product(data.Dims, 0, axis), inner = IndexingOffsets.Product(data.Dims, axis + 1, data.Dims.Length);
        int bits = data.DataType.BitsPerElement();
        if (data.DataType == DataType.String || bits < 8)
        {
            GatherIndexed(context, data, dims.ToArray(), outer, dim, inner);
            return;
        }
        switch (indexTensor.DataType)
        {
            case DataType.Int64: CheckIndices(context, indexTensor.AsSpan<long>(), dim); break;
            case DataType.Int32: CheckIndices(context, indexTensor.AsSpan<int>(), dim); break;
            default: throw context.Fail($"input 1 ('{Name(context, 1)}') is {indexTensor.DataType.TypeName()}; expected int32 or int64");
        }
        Span<byte> target = context.AllocateOutput(0, data.DataType, dims);
        var blocks = new GatherBlocks(data.RawData.Span, target, outer, dim, inner * (bits / 8));
        if (indexTensor.DataType == DataType.Int64)
            blocks.Copy(indexTensor.AsSpan<long>());
        else
            blocks.Copy(indexTensor.AsSpan<int>());
    });

    /// <summary>Fails naming input 1 unless every index lies in [-dim, dim - 1].</summary>
    private static void CheckIndices<T>(KernelContext context, ReadOnlySpan<T> indices, long dim) where T : IBinaryInteger<T>
    {
        foreach (T index in indices)
            Index(context, 1, long.CreateTruncating(index), dim);
    }

    /// <summary>Gather of elements narrower than a byte or strings, assembled by position.</summary>
    private static void GatherIndexed(KernelContext context, Tensor data, long[] dims, long outer, long dim, long inner)
    {
        long[] indices = Indices(context, 1);
        Normalize(context, 1, indices, dim);
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
    }

    /// <summary>Copies, for each outer position and each (checked) index, the block of <c>block</c> bytes at that index.</summary>
    private readonly ref struct GatherBlocks(ReadOnlySpan<byte> source, Span<byte> target, long outer, long dim, long block)
    {
        private readonly ReadOnlySpan<byte> _source = source;
        private readonly Span<byte> _target = target;

        public void Copy<T>(ReadOnlySpan<T> indices) where T : IBinaryInteger<T>
        {
            int size = (int)block, to = 0;
            for (long o = 0; o < outer; o++)
            {
                foreach (T value in indices)
                {
                    long index = long.CreateTruncating(value);
                    long from = (o * dim + (index < 0 ? index + dim : index)) * block;
                    _source.Slice((int)from, size).CopyTo(_target.Slice(to, size));
                    to += size;
                }
            }
        }
    }

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
