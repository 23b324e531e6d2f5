using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// Compress (Operators.md) for every element type: the slices along 'axis' (or the elements of the flattened input
/// when it is absent) whose condition is true. A condition shorter than the axis drops the slices past its end.
/// </summary>
internal static class CompressKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("Compress", node => Create(node.Attributes.Int("axis")))];

    private static Kernel Create(long? axisAttribute) => new DelegateKernel(context =>
    {
        Tensor input = context.Tensor(0), condition = context.Tensor(1);
        if (condition.DataType != DataType.Bool || condition.Dims.Length != 1)
            throw context.Fail($"input 1 ('{Name(context, 1)}') is {condition.DataType.TypeName()} of shape {Shape(condition.Dims)}; expected a 1-D bool tensor");
        int axis = axisAttribute is { } a ? Axis(context, a, input.Dims.Length) : 0;
        long[] dims = axisAttribute is null ? [input.ElementCount] : input.Dims;
        ReadOnlySpan<bool> keep = condition.AsSpan<bool>();
        var selected = new List<long>();
        for (int i = 0; i < keep.Length; i++)
        {
            if (keep[i])
                selected.Add(i < dims[axis] ? i : throw context.Fail($"input 1 ('{Name(context, 1)}') selects slice {i}, past the {dims[axis]} along axis {axis}"));
        }
        long[] outputDims = [.. dims];
        outputDims[axis] = selected.Count;
        long outer = IndexingOffsets.Product(dims, 0, axis), inner = IndexingOffsets.Product(dims, axis + 1, dims.Length);
        var source = new IndexedSource(input);
        IndexedTarget output = Output(context, input.DataType, outputDims);
        long to = 0;
        for (long o = 0; o < outer; o++)
        {
            foreach (long slice in selected)
            {
                output.Copy(source, (o * dims[axis] + slice) * inner, to, inner);
                to += inner;
            }
        }
        SetOutput(context, 0, output, outputDims);
    });
}
