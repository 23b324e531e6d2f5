using System.Numerics;
using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Reduce;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>
/// CumSum and CumProd: running totals along the axis given by the scalar 'axis' input; 'exclusive' leaves the
/// current element out (the first output is the identity), 'reverse' runs from the end.
/// </summary>
internal static class CumulativeKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("CumSum", node => new CumulativeKernel<SumStep>(node)),
        KernelRegistration.All("CumProd", node => new CumulativeKernel<ProductStep>(node)),
    ];

    private interface IStep
    {
        static abstract T Identity<T>() where T : INumber<T>;

        static abstract T Apply<T>(T total, T value) where T : INumber<T>;
    }

    private readonly struct SumStep : IStep
    {
        public static T Identity<T>() where T : INumber<T> => T.Zero;
        public static T Apply<T>(T total, T value) where T : INumber<T> => total + value;
    }

    private readonly struct ProductStep : IStep
    {
        public static T Identity<T>() where T : INumber<T> => T.One;
        public static T Apply<T>(T total, T value) where T : INumber<T> => total * value;
    }

    private sealed class CumulativeKernel<TStep>(KernelNode node) : Kernel where TStep : IStep
    {
        private readonly bool _exclusive = node.Attributes.Int("exclusive", 0) != 0;
        private readonly bool _reverse = node.Attributes.Int("reverse", 0) != 0;

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0);
            if (x.Dims.Length == 0)
                throw context.Fail("input 'x' must have rank 1 or more, found a scalar");
            int axis = ReductionAxes.Normalize(context, ReductionAxes.ScalarInput(context, 1, "axis"), x.Dims.Length, "'axis'");
            ComputeElements.Dispatch(context, x.DataType, new Body(x, ReductionLayout.AlongAxis(x.Dims, axis), _exclusive, _reverse));
        }

        private readonly struct Body(Tensor input, ReductionLayout layout, bool exclusive, bool reverse) : IElementBody
        {
            public void Run<T>(KernelContext context) where T : unmanaged, INumber<T>
            {
                ReadOnlySpan<T> x = ComputeElements.Read<T>(input);
                Span<T> y = ComputeElements.Output<T>(context, 0, input.DataType, input.Dims);
                ReadOnlySpan<int> members = layout.MemberOffsets;
                if (x.Length > 0)
                {
                    foreach (int start in layout.GroupStarts)
                    {
                        T total = TStep.Identity<T>();
                        for (int n = 0; n < members.Length; n++)
                        {
                            int at = start + members[reverse ? members.Length - 1 - n : n];
                            T value = x[at];
                            if (!exclusive)
                                total = TStep.Apply(total, value);
                            y[at] = total;
                            if (exclusive)
                                total = TStep.Apply(total, value);
                        }
                    }
                }
                ComputeElements.Store<T>(context, 0, input.DataType, input.Dims, y);
            }
        }
    }
}
