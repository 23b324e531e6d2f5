using System.Numerics;
using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Reduce;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>
/// TopK: the k largest (or, with largest=0, smallest) values along 'axis' and their int64 indices. k is an
/// attribute in version 1 and the 'K' input later. Outputs are always sorted; equal values keep the lower index
/// first, as the spec requires, and NaN counts as larger than every number (numpy's sort order).
/// </summary>
internal sealed class TopKKernel : Kernel
{
    private readonly long _axis;
    private readonly long? _attributeK;
    private readonly bool _largest;

    private TopKKernel(KernelNode node)
    {
        _axis = node.Attributes.Int("axis", -1);
        _largest = node.Attributes.Int("largest", 1) != 0;
        _attributeK = node.Version < 10 ? node.Attributes.Int("k") ?? throw node.Fail("attribute 'k' is required") : null;
    }

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("TopK", node => new TopKKernel(node))];

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0);
        int rank = x.Dims.Length;
        if (rank == 0)
            throw context.Fail("input 'X' must have rank 1 or more, found a scalar");
        int axis = ReductionAxes.Normalize(context, _axis, rank, "'axis'");
        long k = _attributeK ?? ReductionAxes.ScalarInput(context, 1, "K");
        if (k < 0 || k > x.Dims[axis])
            throw context.Fail($"k = {k} must lie in [0, {x.Dims[axis]}], the size of axis {axis} of input 'X'");
        long[] dims = (long[])x.Dims.Clone();
        dims[axis] = k;
        ComputeElements.Dispatch(context, x.DataType, new Body(x, ReductionLayout.AlongAxis(x.Dims, axis), ReductionLayout.AlongAxis(dims, axis), dims, _largest));
    }

    private readonly struct Body(Tensor input, ReductionLayout inputLayout, ReductionLayout outputLayout, long[] dims, bool largest) : IElementBody
    {
        public void Run<T>(KernelContext context) where T : unmanaged, INumber<T>
        {
            ReadOnlySpan<T> x = ComputeElements.Read<T>(input);
            Span<T> values = ComputeElements.Output<T>(context, 0, input.DataType, dims);
            Span<long> indices = context.Output<long>(1, DataType.Int64, dims);
            ReadOnlySpan<int> members = inputLayout.MemberOffsets, outputMembers = outputLayout.MemberOffsets;
            var order = new Order<T>(members.Length, largest);
            var positions = new int[members.Length];
            for (int g = 0; g < inputLayout.GroupStarts.Length && outputMembers.Length > 0; g++)
            {
                int start = inputLayout.GroupStarts[g], outputStart = outputLayout.GroupStarts[g];
                for (int i = 0; i < members.Length; i++)
                {
                    order.Values[i] = x[start + members[i]];
                    positions[i] = i;
                }
                positions.AsSpan().Sort(order);
                for (int j = 0; j < outputMembers.Length; j++)
                {
                    values[outputStart + outputMembers[j]] = order.Values[positions[j]];
                    indices[outputStart + outputMembers[j]] = positions[j];
                }
            }
            ComputeElements.Store<T>(context, 0, input.DataType, dims, values);
        }
    }

    /// <summary>Orders positions of one group: by value (NaN above every number), then by lower position.</summary>
    private sealed class Order<T>(int length, bool largest) : IComparer<int> where T : INumber<T>
    {
        public T[] Values { get; } = new T[length];

        public int Compare(int a, int b)
        {
            T x = Values[a], y = Values[b];
            int byValue = T.IsNaN(x) ? (T.IsNaN(y) ? 0 : 1) : T.IsNaN(y) ? -1 : x.CompareTo(y);
            if (largest)
                byValue = -byValue;
            return byValue != 0 ? byValue : a.CompareTo(b);
        }
    }
}
