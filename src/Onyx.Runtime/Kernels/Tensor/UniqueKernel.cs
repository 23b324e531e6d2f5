using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// Unique-11 (Operators.md): the distinct elements of the flattened input, or the distinct slices along 'axis', sorted
/// ascending or in order of first occurrence; with each one's first index, the inverse mapping and the counts.
/// </summary>
internal static class UniqueKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
        [KernelRegistration.All("Unique", node => Create(node.Attributes.Int("axis"), node.Attributes.Int("sorted", 1) != 0))];

    private static Kernel Create(long? axisAttribute, bool sorted) => new DelegateKernel(context =>
    {
        Tensor input = context.Tensor(0);
        if (!IndexingComparison.Supports(input.DataType))
            throw context.Fail($"input 0 ('{Name(context, 0)}') is {input.DataType.TypeName()}, which Unique does not take");
        // The input as n slices along the axis, each made of 'outer' blocks of 'inner' elements; flattened, n elements.
        long n = input.ElementCount, outer = 1, inner = 1;
        int axis = 0;
        if (axisAttribute is { } a)
        {
            axis = Axis(context, a, input.Dims.Length);
            n = input.Dims[axis];
            outer = IndexingOffsets.Product(input.Dims, 0, axis);
            inner = IndexingOffsets.Product(input.Dims, axis + 1, input.Dims.Length);
        }
        var source = new IndexedSource(input);
        Comparison<long> compare = IndexingComparison.OfSlices(outer == 1 ? input : SlicesFirst(context, input, source, n, outer, inner), outer * inner);

        // Sorting by value, then by position, puts each group's first occurrence at its head.
        long[] order = new long[n];
        for (long i = 0; i < n; i++)
            order[i] = i;
        Array.Sort(order, (x, y) => compare(x, y) is var c && c != 0 ? c : x.CompareTo(y));
        var firsts = new List<long>();
        var counts = new List<long>();
        long[] inverse = new long[n];
        for (long i = 0; i < n; i++)
        {
            if (i == 0 || compare(order[i - 1], order[i]) != 0)
            {
                firsts.Add(order[i]);
                counts.Add(0);
            }
            inverse[order[i]] = firsts.Count - 1;
            counts[^1]++;
        }
        int unique = firsts.Count;
        if (!sorted)
        {
            int[] byOccurrence = [.. Enumerable.Range(0, unique).OrderBy(g => firsts[g])];
            var rank = new long[unique];
            for (int g = 0; g < unique; g++)
                rank[byOccurrence[g]] = g;
            firsts = [.. byOccurrence.Select(g => firsts[g])];
            counts = [.. byOccurrence.Select(g => counts[g])];
            for (long i = 0; i < n; i++)
                inverse[i] = rank[inverse[i]];
        }

        long[] dims = axisAttribute is null ? [unique] : [.. input.Dims];
        dims[axis] = unique;
        IndexedTarget y = Output(context, input.DataType, dims);
        for (long o = 0; o < outer; o++)
        {
            for (int j = 0; j < unique; j++)
                y.Copy(source, (o * n + firsts[j]) * inner, (o * unique + j) * inner, inner);
        }
        SetOutput(context, 0, y, dims);
        if (context.HasOutput(1))
            firsts.ToArray().CopyTo(context.Output<long>(1, DataType.Int64, [unique]));
        if (context.HasOutput(2))
            inverse.CopyTo(context.Output<long>(2, DataType.Int64, [n]));
        if (context.HasOutput(3))
            counts.ToArray().CopyTo(context.Output<long>(3, DataType.Int64, [unique]));
    });

    /// <summary>The input with the slices along the axis made contiguous: slice k holds its 'outer' blocks in order.</summary>
    private static Tensor SlicesFirst(KernelContext context, Tensor input, in IndexedSource source, long n, long outer, long inner)
    {
        long[] dims = [input.ElementCount];
        IndexedTarget slices = Output(context, input.DataType, dims);
        for (long k = 0; k < n; k++)
        {
            for (long o = 0; o < outer; o++)
                slices.Copy(source, (o * n + k) * inner, (k * outer + o) * inner, inner);
        }
        return slices.ToTensor(dims);
    }
}
