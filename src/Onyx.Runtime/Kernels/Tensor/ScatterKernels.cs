using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// Scatter (deprecated since 11), ScatterElements and ScatterND (Operators.md) for every element type: a copy of data
/// with the updates written, or combined by 'reduction', at the positions the indices give. Duplicate indices without
/// a reduction are undefined by the spec; here the last update wins.
/// </summary>
internal static class ScatterKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Scatter", node => ScatterElements(node.Attributes.Int("axis", 0), ScatterReduction.None)),
        KernelRegistration.All("ScatterElements", node => ScatterElements(node.Attributes.Int("axis", 0), ReductionOf(node))),
        KernelRegistration.All("ScatterND", node => ScatterND(ReductionOf(node))),
    ];

    private static ScatterReduction ReductionOf(KernelNode node)
    {
        string name = node.Attributes.String("reduction", "none");
        return IndexingReduction.Parse(name) ?? throw node.Fail($"attribute 'reduction' is '{name}'; expected none, add, mul, max or min");
    }

    /// <summary>Each update goes to its own position in data with the axis coordinate taken from indices.</summary>
    private static Kernel ScatterElements(long axisAttribute, ScatterReduction reduction) => new DelegateKernel(context =>
    {
        Tensor data = context.Tensor(0), indexTensor = context.Tensor(1), updates = context.Tensor(2);
        int axis = GatherKernels.ElementwiseAxis(context, axisAttribute, data, indexTensor);
        if (!updates.Dims.AsSpan().SequenceEqual(indexTensor.Dims))
            throw context.Fail($"input 2 ('{Name(context, 2)}') has shape {Shape(updates.Dims)}; expected the shape of input 1 ('{Name(context, 1)}'), {Shape(indexTensor.Dims)}");
        long[] indices = Indices(context, 1);
        Normalize(context, 1, indices, data.Dims[axis]);
        long[] offsets = IndexingOffsets.AlongAxis(data.Dims, indexTensor.Dims, axis, indices);
        IndexedTarget output = Start(context, data, updates, reduction, out IndexedSource source);
        for (long i = 0; i < offsets.Length; i++)
            Write(output, source, i, offsets[i], 1, reduction, data.DataType);
        SetOutput(context, 0, output, data.Dims);
    });

    /// <summary>Each index tuple (the last dim of indices, k long) selects a slice of data that its block of updates replaces.</summary>
    private static Kernel ScatterND(ScatterReduction reduction) => new DelegateKernel(context =>
    {
        Tensor data = context.Tensor(0), indexTensor = context.Tensor(1), updates = context.Tensor(2);
        (long[] tuples, int k, long count) = GatherKernels.Tuples(context, data, indexTensor, 0);
        long[] expected = [.. indexTensor.Dims[..^1], .. data.Dims[k..]];
        if (!updates.Dims.AsSpan().SequenceEqual(expected))
            throw context.Fail($"input 2 ('{Name(context, 2)}') has shape {Shape(updates.Dims)}; expected {Shape(expected)} (indices[:-1] + data[k:])");
        long block = IndexingOffsets.Product(data.Dims, k, data.Dims.Length);
        long[] offsets = IndexingOffsets.OfTuples(data.Dims, 0, tuples, k, count, count);
        IndexedTarget output = Start(context, data, updates, reduction, out IndexedSource source);
        for (long t = 0; t < offsets.Length; t++)
            Write(output, source, t * block, offsets[t], block, reduction, data.DataType);
        SetOutput(context, 0, output, data.Dims);
    });

    /// <summary>The output as a copy of data; <paramref name="updates"/> becomes the source of the writes.</summary>
    private static IndexedTarget Start(KernelContext context, Tensor data, Tensor updates, ScatterReduction reduction, out IndexedSource source)
    {
        SameType(context, data, 0, updates, 2);
        if (reduction != ScatterReduction.None && !IndexingReduction.Supports(data.DataType))
            throw context.Fail($"reduction '{reduction.ToString().ToLowerInvariant()}' does not apply to {data.DataType.TypeName()} elements");
        IndexedTarget output = Output(context, data.DataType, data.Dims);
        output.Copy(new IndexedSource(data), 0, 0, data.ElementCount);
        source = new IndexedSource(updates);
        return output;
    }

    private static void Write(IndexedTarget output, in IndexedSource updates, long from, long to, long count, ScatterReduction reduction, DataType type)
    {
        if (reduction == ScatterReduction.None)
            output.Copy(updates, from, to, count);
        else
            IndexingReduction.Apply(reduction, type, output.Span(to, count), updates.Span(from, count));
    }
}
