using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
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

        /// <summary>The same for a group of contiguous float elements, vectorised.</summary>
        static abstract void Row(ReadOnlySpan<float> x, Span<float> y);
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

        public static void Row(ReadOnlySpan<float> x, Span<float> y)
        {
            TensorPrimitives.Subtract(x, RowMax(x), y);
            TensorPrimitives.Exp(y, y);
            TensorPrimitives.Divide(y, TensorPrimitives.Sum(y), y);
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

        /// <summary>(x − max) − log(sum), so a large max does not cost the result its precision.</summary>
        public static void Row(ReadOnlySpan<float> x, Span<float> y)
        {
            float max = RowMax(x);
            TensorPrimitives.Subtract(x, max, y);
            TensorPrimitives.Exp(y, y);
            float log = MathF.Log(TensorPrimitives.Sum(y));
            TensorPrimitives.Subtract(x, max, y);
            TensorPrimitives.Subtract(y, log, y);
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

        public static void Row(ReadOnlySpan<float> x, Span<float> y)
        {
            int best = 0;
            for (int i = 1; i < x.Length; i++)
            {
                if (x[i] > x[best])
                    best = i;
            }
            y[best] = 1;
        }
    }

    /// <summary>The row's max (NaN if any element is NaN), 0 when it is infinite, as <see cref="Max{T}"/>.</summary>
    private static float RowMax(ReadOnlySpan<float> x)
    {
        float max = TensorPrimitives.Max(x);
        return float.IsInfinity(max) ? 0 : max;
    }

    private static double Max<T>(ReadOnlySpan<T> x, int start, ReadOnlySpan<int> members) where T : INumber<T>
    {
        double max = double.NegativeInfinity;
        foreach (int offset in members)
            max = double.Max(max, double.CreateTruncating(x[start + offset]));
        return double.IsFinite(max) ? max : 0;
    }

    // Below about 2^14 elements (a few microseconds) per part waking a thread costs more than it saves.
    private const int MinElementsPerPart = 1 << 14;

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
            if (input.DataType == DataType.Float && (_coercesTo2D || axis == rank - 1))
            {
                // The group is the trailing axes from 'axis': contiguous rows.
                ReadOnlySpan<float> x = input.AsSpan<float>();
                Span<float> y = context.Output<float>(0, DataType.Float, input.Dims);
                if (x.IsEmpty)
                    return;
                int length = 1;
                for (int i = axis; i < rank; i++)
                    length *= (int)input.Dims[i];
                Rows(x, y, length, context.Node.Threads);
                return;
            }
            var reduced = new bool[rank];
            for (int i = axis; i < (_coercesTo2D ? rank : axis + 1); i++)
                reduced[i] = true;
            ComputeElements.Dispatch(context, input.DataType, new Body(input, ReductionLayout.Create(input.Dims, reduced)));
        }

        /// <summary>Normalizes each contiguous row of <paramref name="length"/> elements, enough rows split over up to <paramref name="threads"/> threads.</summary>
        private static unsafe void Rows(ReadOnlySpan<float> x, Span<float> y, int length, int threads)
        {
            int rows = x.Length / length;
            int parts = IntraOpThreadPool.Parts(x.Length, MinElementsPerPart, rows, threads);
            fixed (float* xs = x, ys = y)
            {
                var job = new RowJob(xs, ys, length, rows, parts);
                IntraOpThreadPool.Of(threads).Run(parts, &RunRows, &job);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static unsafe void RunRows(void* arguments, int part)
        {
            ref readonly RowJob job = ref *(RowJob*)arguments;
            int first = (int)((long)job.Rows * part / job.Parts), end = (int)((long)job.Rows * (part + 1) / job.Parts);
            for (int row = first; row < end; row++)
                TOp.Row(new ReadOnlySpan<float>(job.X + (long)row * job.Length, job.Length), new Span<float>(job.Y + (long)row * job.Length, job.Length));
        }

        private readonly unsafe struct RowJob(float* x, float* y, int length, int rows, int parts)
        {
            public readonly float* X = x, Y = y;
            public readonly int Length = length, Rows = rows, Parts = parts;
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
