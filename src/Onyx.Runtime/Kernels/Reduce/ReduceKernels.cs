using System.Numerics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Reduce;

/// <summary>
/// The Reduce* operators: one loop over the groups of a <see cref="ReductionLayout"/>, with the operator given as an
/// accumulation (identity, step, finish). Axes come from the attribute (before ReduceSum 13 and the others 18) or the
/// optional 'axes' input; absent or empty axes reduce everything unless noop_with_empty_axes, which reduces nothing
/// (each output element is the operator applied to one input element). An empty group yields the identity
/// (0 for sums, 1 for a product, the lowest value for ReduceMax, -inf for the log sums).
/// </summary>
internal static class ReduceKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("ReduceSum", ReduceKernel<SumOp>.Create),
        KernelRegistration.All("ReduceMean", ReduceKernel<MeanOp>.Create),
        KernelRegistration.All("ReduceMax", ReduceKernel<MaxOp>.Create),
        KernelRegistration.All("ReduceMin", ReduceKernel<MinOp>.Create),
        KernelRegistration.All("ReduceProd", ReduceKernel<ProdOp>.Create),
        KernelRegistration.All("ReduceSumSquare", ReduceKernel<SumSquareOp>.Create),
        KernelRegistration.All("ReduceL1", ReduceKernel<L1Op>.Create),
        KernelRegistration.All("ReduceL2", ReduceKernel<L2Op>.Create),
        KernelRegistration.All("ReduceLogSum", ReduceKernel<LogSumOp>.Create),
        KernelRegistration.All("ReduceLogSumExp", ReduceKernel<LogSumExpOp>.Create),
    ];

    /// <summary>A reduction as an accumulation; <c>shift</c> is the group's maximum for operators that subtract it first.</summary>
    private interface IReduction
    {
        static abstract bool ShiftsByMax { get; }

        static abstract T Identity<T>() where T : INumber<T>;

        static abstract T Step<T>(T accumulated, T value, T shift) where T : INumber<T>;

        static virtual T Finish<T>(T accumulated, int count, T shift) where T : INumber<T> => accumulated;
    }

    private readonly struct SumOp : IReduction
    {
        public static bool ShiftsByMax => false;
        public static T Identity<T>() where T : INumber<T> => T.Zero;
        public static T Step<T>(T accumulated, T value, T shift) where T : INumber<T> => accumulated + value;
    }

    /// <summary>Integer means truncate, as a division in the element type does; an empty mean is NaN (0 for integers).</summary>
    private readonly struct MeanOp : IReduction
    {
        public static bool ShiftsByMax => false;
        public static T Identity<T>() where T : INumber<T> => T.Zero;
        public static T Step<T>(T accumulated, T value, T shift) where T : INumber<T> => accumulated + value;
        public static T Finish<T>(T accumulated, int count, T shift) where T : INumber<T> =>
            count == 0 ? T.CreateTruncating(double.NaN) : accumulated / T.CreateTruncating(count);
    }

    /// <summary>NaN wins, as numpy's maximum does; the empty maximum is -inf or the type's minimum (false for bool).</summary>
    private readonly struct MaxOp : IReduction
    {
        public static bool ShiftsByMax => false;
        public static T Identity<T>() where T : INumber<T> => T.CreateSaturating(double.NegativeInfinity);
        public static T Step<T>(T accumulated, T value, T shift) where T : INumber<T> =>
            value > accumulated || T.IsNaN(value) ? value : accumulated;
    }

    /// <summary>NaN wins; the empty minimum is +inf or the type's maximum (true for bool).</summary>
    private readonly struct MinOp : IReduction
    {
        public static bool ShiftsByMax => false;
        public static T Identity<T>() where T : INumber<T> => T.CreateSaturating(double.PositiveInfinity);
        public static T Step<T>(T accumulated, T value, T shift) where T : INumber<T> =>
            value < accumulated || T.IsNaN(value) ? value : accumulated;
    }

    private readonly struct ProdOp : IReduction
    {
        public static bool ShiftsByMax => false;
        public static T Identity<T>() where T : INumber<T> => T.One;
        public static T Step<T>(T accumulated, T value, T shift) where T : INumber<T> => accumulated * value;
    }

    private readonly struct SumSquareOp : IReduction
    {
        public static bool ShiftsByMax => false;
        public static T Identity<T>() where T : INumber<T> => T.Zero;
        public static T Step<T>(T accumulated, T value, T shift) where T : INumber<T> => accumulated + value * value;
    }

    private readonly struct L1Op : IReduction
    {
        public static bool ShiftsByMax => false;
        public static T Identity<T>() where T : INumber<T> => T.Zero;
        public static T Step<T>(T accumulated, T value, T shift) where T : INumber<T> => accumulated + T.Abs(value);
    }

    private readonly struct L2Op : IReduction
    {
        public static bool ShiftsByMax => false;
        public static T Identity<T>() where T : INumber<T> => T.Zero;
        public static T Step<T>(T accumulated, T value, T shift) where T : INumber<T> => accumulated + value * value;
        public static T Finish<T>(T accumulated, int count, T shift) where T : INumber<T> =>
            T.CreateTruncating(double.Sqrt(double.CreateTruncating(accumulated)));
    }

    private readonly struct LogSumOp : IReduction
    {
        public static bool ShiftsByMax => false;
        public static T Identity<T>() where T : INumber<T> => T.Zero;
        public static T Step<T>(T accumulated, T value, T shift) where T : INumber<T> => accumulated + value;
        public static T Finish<T>(T accumulated, int count, T shift) where T : INumber<T> =>
            T.CreateSaturating(double.Log(double.CreateTruncating(accumulated)));
    }

    /// <summary>log(sum(exp(x - max))) + max, so large inputs do not overflow; an infinite max shifts by nothing.</summary>
    private readonly struct LogSumExpOp : IReduction
    {
        public static bool ShiftsByMax => true;
        public static T Identity<T>() where T : INumber<T> => T.Zero;
        public static T Step<T>(T accumulated, T value, T shift) where T : INumber<T> =>
            accumulated + T.CreateSaturating(double.Exp(double.CreateTruncating(value) - double.CreateTruncating(shift)));
        public static T Finish<T>(T accumulated, int count, T shift) where T : INumber<T> =>
            T.CreateSaturating(double.Log(double.CreateTruncating(accumulated)) + double.CreateTruncating(shift));
    }

    private sealed class ReduceKernel<TOp> : Kernel where TOp : IReduction
    {
        private readonly IReadOnlyList<long>? _attributeAxes;
        private readonly bool _axesFromInput;
        private readonly bool _keepDims;
        private readonly bool _noopWithEmptyAxes;

        private ReduceKernel(KernelNode node)
        {
            _axesFromInput = node.Schema.Inputs.Count > 1;
            _attributeAxes = _axesFromInput ? null : node.Attributes.Ints("axes");
            _keepDims = node.Attributes.Int("keepdims", 1) != 0;
            _noopWithEmptyAxes = node.Attributes.Int("noop_with_empty_axes", 0) != 0;
        }

        public static Kernel Create(KernelNode node) => new ReduceKernel<TOp>(node);

        public override void Run(KernelContext context)
        {
            Tensor data = context.Tensor(0);
            IReadOnlyList<long>? axes = _axesFromInput ? AxesInput(context) : _attributeAxes;
            bool[] reduced = ReducedAxes(context, axes, data.Dims.Length, _noopWithEmptyAxes);
            long[] dims = ReducedShape(data.Dims, reduced, _keepDims);
            ComputeElements.Dispatch(context, data.DataType, new Body(data, ReductionLayout.Create(data.Dims, reduced), dims));
        }

        private static long[]? AxesInput(KernelContext context)
        {
            Tensor? axes = context.OptionalTensor(1);
            if (axes is null)
                return null;
            if (axes.DataType != DataType.Int64 || axes.Dims.Length > 1)
                throw context.Fail($"input 'axes' must be a 1-D int64 tensor, found {axes.DataType.TypeName()} [{string.Join(",", axes.Dims)}]");
            return axes.ToArray<long>();
        }

        private readonly struct Body(Tensor data, ReductionLayout layout, long[] dims) : IElementBody
        {
            public void Run<T>(KernelContext context) where T : unmanaged, INumber<T>
            {
                ReadOnlySpan<T> x = ComputeElements.Read<T>(data);
                Span<T> y = ComputeElements.Output<T>(context, 0, data.DataType, dims);
                ReadOnlySpan<int> members = layout.MemberOffsets;
                int[] starts = layout.GroupStarts;
                for (int g = 0; g < starts.Length; g++)
                {
                    int start = starts[g];
                    T shift = TOp.ShiftsByMax ? Shift(x, start, members) : T.Zero;
                    T accumulated = TOp.Identity<T>();
                    foreach (int offset in members)
                        accumulated = TOp.Step(accumulated, x[start + offset], shift);
                    y[g] = TOp.Finish(accumulated, members.Length, shift);
                }
                ComputeElements.Store<T>(context, 0, data.DataType, dims, y);
            }

            private static T Shift<T>(ReadOnlySpan<T> x, int start, ReadOnlySpan<int> members) where T : INumber<T>
            {
                T max = MaxOp.Identity<T>();
                foreach (int offset in members)
                    max = MaxOp.Step(max, x[start + offset], max);
                return T.IsFinite(max) ? max : T.Zero;
            }
        }
    }

    /// <summary>
    /// Which axes a reduction reduces: the given ones (negative counting from the back), or all when none are given,
    /// or none when none are given and <paramref name="noopWithEmptyAxes"/>.
    /// </summary>
    internal static bool[] ReducedAxes(KernelContext context, IReadOnlyList<long>? axes, int rank, bool noopWithEmptyAxes)
    {
        var reduced = new bool[rank];
        if (axes is null || axes.Count == 0)
        {
            Array.Fill(reduced, !noopWithEmptyAxes);
            return reduced;
        }
        foreach (long axis in axes)
        {
            int a = ReductionAxes.Normalize(context, axis, rank, "axis in 'axes'");
            if (reduced[a])
                throw context.Fail($"'axes' names axis {a} more than once");
            reduced[a] = true;
        }
        return reduced;
    }

    /// <summary>The shape after reducing: reduced axes become 1 with <paramref name="keepDims"/>, else disappear.</summary>
    internal static long[] ReducedShape(long[] dims, bool[] reduced, bool keepDims)
    {
        var shape = new List<long>(dims.Length);
        for (int i = 0; i < dims.Length; i++)
        {
            if (!reduced[i])
                shape.Add(dims[i]);
            else if (keepDims)
                shape.Add(1);
        }
        return [.. shape];
    }
}
