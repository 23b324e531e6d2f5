using System.Numerics;
using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Reduce;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>
/// Softmax, LogSoftmax and Hardmax. Before version 13 the input is coerced to 2-D at 'axis' and each row
/// (the axes from 'axis' on) is normalised as a whole; from 13 on only the one axis is.
/// </summary>
internal static class SoftmaxKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Softmax", SoftmaxKernel<SoftmaxOp>.Create),
        KernelRegistration.All("LogSoftmax", SoftmaxKernel<LogSoftmaxOp>.Create),
        KernelRegistration.All("Hardmax", SoftmaxKernel<HardmaxOp>.Create),
    ];

    /// <summary>Writes one group's outputs from its inputs (both at <c>start</c> + each member offset).</summary>
    private interface INormalization
    {
        static abstract void Apply<T>(ReadOnlySpan<T> x, Span<T> y, int start, ReadOnlySpan<int> members) where T : INumber<T>;
    }

    /// <summary>exp(x - max) / sum, with the max subtracted so large inputs do not overflow.</summary>
    private readonly struct SoftmaxOp : INormalization
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> y, int start, ReadOnlySpan<int> members) where T : INumber<T>
        {
            double max = Max(x, start, members), sum = 0;
            foreach (int offset in members)
            {
                double e = double.Exp(double.CreateTruncating(x[start + offset]) - max);
                y[start + offset] = T.CreateTruncating(e);
                sum += e;
            }
            foreach (int offset in members)
                y[start + offset] = T.CreateTruncating(double.CreateTruncating(y[start + offset]) / sum);
        }
    }

    /// <summary>x - max - log(sum(exp(x - max))).</summary>
    private readonly struct LogSoftmaxOp : INormalization
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> y, int start, ReadOnlySpan<int> members) where T : INumber<T>
        {
            double max = Max(x, start, members), sum = 0;
            foreach (int offset in members)
                sum += double.Exp(double.CreateTruncating(x[start + offset]) - max);
            double shift = max + double.Log(sum);
            foreach (int offset in members)
                y[start + offset] = T.CreateTruncating(double.CreateTruncating(x[start + offset]) - shift);
        }
    }

    /// <summary>1 at the first maximum of each group, 0 elsewhere (the output starts zeroed).</summary>
    private readonly struct HardmaxOp : INormalization
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> y, int start, ReadOnlySpan<int> members) where T : INumber<T>
        {
            if (members.Length == 0)
                return;
            int best = members[0];
            foreach (int offset in members)
            {
                if (x[start + offset] > x[start + best])
                    best = offset;
            }
            y[start + best] = T.One;
        }
    }

    private static double Max<T>(ReadOnlySpan<T> x, int start, ReadOnlySpan<int> members) where T : INumber<T>
    {
        double max = double.NegativeInfinity;
        foreach (int offset in members)
            max = double.Max(max, double.CreateTruncating(x[start + offset]));
        return double.IsFinite(max) ? max : 0;
    }

    private sealed class SoftmaxKernel<TOp> : Kernel where TOp : INormalization
    {
        private readonly long _axis;
        private readonly bool _coercesTo2D;

        private SoftmaxKernel(KernelNode node)
        {
            _axis = node.Attributes.Int("axis", node.Version < 13 ? 1 : -1);
            _coercesTo2D = node.Version < 13;
        }

        public static Kernel Create(KernelNode node) => new SoftmaxKernel<TOp>(node);

        public override void Run(KernelContext context)
        {
            Tensor input = context.Tensor(0);
            int rank = input.Dims.Length;
            if (rank == 0)
                throw context.Fail("input 'input' must have rank 1 or more, found a scalar");
            int axis = ReductionAxes.Normalize(context, _axis, rank, "'axis'");
            var reduced = new bool[rank];
            for (int i = axis; i < (_coercesTo2D ? rank : axis + 1); i++)
                reduced[i] = true;
            ComputeElements.Dispatch(context, input.DataType, new Body(input, ReductionLayout.Create(input.Dims, reduced)));
        }

        private readonly struct Body(Tensor input, ReductionLayout layout) : IElementBody
        {
            public void Run<T>(KernelContext context) where T : unmanaged, INumber<T>
            {
                ReadOnlySpan<T> x = ComputeElements.Read<T>(input);
                Span<T> y = ComputeElements.Output<T>(context, 0, input.DataType, input.Dims);
                if (x.Length > 0)
                {
                    foreach (int start in layout.GroupStarts)
                        TOp.Apply(x, y, start, layout.MemberOffsets);
                }
                ComputeElements.Store<T>(context, 0, input.DataType, input.Dims, y);
            }
        }
    }
}
