using System.Numerics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Reduce;

/// <summary>
/// ArgMax and ArgMin: the int64 index of the extreme value along one axis, the first occurrence unless
/// select_last_index (version 12 on) asks for the last. NaN counts as the extreme, as numpy's argmax and argmin do.
/// </summary>
internal static class ArgReduceKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("ArgMax", ArgKernel<Greater>.Create),
        KernelRegistration.All("ArgMin", ArgKernel<Less>.Create),
    ];

    private interface IOrder
    {
        static abstract bool Before<T>(T a, T b) where T : INumber<T>;
    }

    private readonly struct Greater : IOrder { public static bool Before<T>(T a, T b) where T : INumber<T> => a > b; }

    private readonly struct Less : IOrder { public static bool Before<T>(T a, T b) where T : INumber<T> => a < b; }

    private sealed class ArgKernel<TOrder> : Kernel where TOrder : IOrder
    {
        private readonly long _axis;
        private readonly bool _keepDims;
        private readonly bool _selectLastIndex;

        private ArgKernel(KernelNode node)
        {
            _axis = node.Attributes.Int("axis", 0);
            _keepDims = node.Attributes.Int("keepdims", 1) != 0;
            _selectLastIndex = node.Attributes.Int("select_last_index", 0) != 0;
        }

        public static Kernel Create(KernelNode node) => new ArgKernel<TOrder>(node);

        public override void Run(KernelContext context)
        {
            Tensor data = context.Tensor(0);
            int axis = ReductionAxes.Normalize(context, _axis, data.Dims.Length, "'axis'");
            if (data.Dims[axis] == 0)
                throw context.Fail($"input 'data' has no elements along axis {axis} to take the index of");
            var reduced = new bool[data.Dims.Length];
            reduced[axis] = true;
            long[] dims = ReduceKernels.ReducedShape(data.Dims, reduced, _keepDims);
            ComputeElements.Dispatch(context, data.DataType, new Body(data, ReductionLayout.Create(data.Dims, reduced), dims, _selectLastIndex));
        }

        private readonly struct Body(Tensor data, ReductionLayout layout, long[] dims, bool selectLastIndex) : IElementBody
        {
            public void Run<T>(KernelContext context) where T : unmanaged, INumber<T>
            {
                ReadOnlySpan<T> x = ComputeElements.Read<T>(data);
                Span<long> y = context.Output<long>(0, dims);
                ReadOnlySpan<int> members = layout.MemberOffsets;
                int[] starts = layout.GroupStarts;
                for (int g = 0; g < starts.Length; g++)
                {
                    int start = starts[g], best = 0;
                    T bestValue = x[start];
                    for (int i = 1; i < members.Length; i++)
                    {
                        T value = x[start + members[i]];
                        bool takes = T.IsNaN(bestValue)
                            ? selectLastIndex && T.IsNaN(value)
                            : T.IsNaN(value) || TOrder.Before(value, bestValue) || (selectLastIndex && value == bestValue);
                        if (takes)
                        {
                            best = i;
                            bestValue = value;
                        }
                    }
                    y[g] = best;
                }
            }
        }
    }
}
