using System.Numerics.Tensors;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>
/// The normalizations over a set of axes: LayerNormalization and RMSNormalization (the trailing axes from 'axis'),
/// GroupNormalization (each group of channels of each image) and MeanVarianceNormalization (the 'axes' attribute).
/// Each computes statistics per group of elements, then y = (x − mean)·scale/σ + bias. They run as kernels rather
/// than through their function bodies to compute in one pass of double precision and to give LayerNormalization's
/// Mean and InvStdDev outputs.
/// </summary>
internal static class AxesNormalizationKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("LayerNormalization", node => new TrailingAxesKernel(node, centered: true)),
        KernelRegistration.All("RMSNormalization", node => new TrailingAxesKernel(node, centered: false)),
        KernelRegistration.All("GroupNormalization", node => new GroupNormalizationKernel(node)),
        KernelRegistration.All("MeanVarianceNormalization", node => new MeanVarianceKernel(node)),
    ];

    /// <summary>
    /// The statistics of each group: the elements of x that <paramref name="group"/> maps to the same index.
    /// Mean is 0 when not <paramref name="centered"/> (RMS); InvStdDev is 1/√(second moment + ε).
    /// </summary>
    private static (double[] Mean, double[] InvStdDev) Statistics(double[] x, int[] group, int groups, bool centered, double epsilon)
    {
        double[] mean = new double[groups], moment = new double[groups];
        var counts = new long[groups];
        for (int i = 0; i < x.Length; i++)
        {
            counts[group[i]]++;
            if (centered)
                mean[group[i]] += x[i];
        }
        for (int g = 0; g < groups; g++)
            mean[g] = counts[g] == 0 ? 0 : mean[g] / counts[g];
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - mean[group[i]];
            moment[group[i]] += d * d;
        }
        for (int g = 0; g < groups; g++)
            moment[g] = 1 / System.Math.Sqrt((counts[g] == 0 ? 0 : moment[g] / counts[g]) + epsilon);
        return (mean, moment);
    }

    /// <summary>y = (x − mean[g])·invStdDev[g]·scale[s] + bias[b], g, s and b the element's group, scale and bias offsets.</summary>
    private static double[] Apply(double[] x, int[] group, double[] mean, double[] invStdDev, double[]? scale, int[]? scaleAt, double[]? bias, int[]? biasAt)
    {
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double v = (x[i] - mean[group[i]]) * invStdDev[group[i]];
            if (scale is not null)
                v *= scale[scaleAt![i]];
            if (bias is not null)
                v += bias[biasAt![i]];
            y[i] = v;
        }
        return y;
    }

    /// <summary>The offsets of an input unidirectionally broadcast to X; fails naming it when it is not broadcastable.</summary>
    private static int[] BroadcastTo(KernelContext context, Tensor t, string name, long[] dims)
    {
        if (t.Dims.Length > dims.Length || Broadcasting.Shape(t.Dims, dims) is not { } shape || !shape.AsSpan().SequenceEqual(dims))
            throw context.Fail($"input {name} has shape [{string.Join(",", t.Dims)}], which does not broadcast to X's shape [{string.Join(",", dims)}]");
        return Broadcasting.Offsets(t.Dims, dims);
    }

    private static int Axis(KernelContext context, long axis, int rank) =>
        axis >= -rank && axis < rank ? (int)(axis < 0 ? axis + rank : axis) : throw context.Fail($"attribute 'axis' is {axis}; expected a value in [{-rank}, {rank}) for input X of rank {rank}");

    private static DataType StashType(KernelNode node)
    {
        var type = (DataType)node.Attributes.Int("stash_type", 1);
        return RealTensors.IsFloat(type) ? type : throw node.Fail($"attribute 'stash_type' is {(int)type}; expected a floating-point element type");
    }

    /// <summary>LayerNormalization (centered) and RMSNormalization: statistics over the axes from 'axis' to the last.</summary>
    private sealed class TrailingAxesKernel(KernelNode node, bool centered) : Kernel
    {
        private readonly long _axis = node.Attributes.Int("axis", -1);
        private readonly double _epsilon = node.Attributes.Float("epsilon", 1e-5f);
        private readonly DataType _stashType = StashType(node);

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0), scale = context.Tensor(1);
            Tensor? bias = centered ? context.OptionalTensor(2) : null;
            int axis = Axis(context, _axis, x.Dims.Length);
            Span<long> statDims = x.Dims.Length <= 32 ? stackalloc long[x.Dims.Length] : new long[x.Dims.Length];
            x.Dims.AsSpan(0, axis).CopyTo(statDims);
            statDims[axis..].Fill(1);
            if (x.DataType == DataType.Float && x.ElementCount > 0 && scale.DataType == DataType.Float && bias?.DataType is null or DataType.Float
                && (_stashType == DataType.Float || !centered || !context.HasOutput(1) && !context.HasOutput(2))
                && PerRow(x.Dims, axis, scale) && (bias is null || PerRow(x.Dims, axis, bias)))
            {
                RunFloat(context, x, scale, bias, axis, statDims);
                return;
            }
            int[] group = Broadcasting.Offsets(statDims.ToArray(), x.Dims);
            double[] xs = RealTensors.Read(context, x, "X");
            (double[] mean, double[] invStdDev) = Statistics(xs, group, (int)context.ElementCount(statDims), centered, _epsilon);
            double[] y = Apply(xs, group, mean, invStdDev,
                RealTensors.Read(context, scale, "Scale"), BroadcastTo(context, scale, "Scale", x.Dims),
                bias is null ? null : RealTensors.Read(context, bias, "B"), bias is null ? null : BroadcastTo(context, bias, "B", x.Dims));
            // RMSNormalization's Y has the scale's type (V); LayerNormalization's, X's.
            RealTensors.Write(context, 0, centered ? x.DataType : scale.DataType, x.Dims, y);
            if (centered && context.HasOutput(1))
                RealTensors.Write(context, 1, _stashType, statDims, mean);
            if (centered && context.HasOutput(2))
                RealTensors.Write(context, 2, _stashType, statDims, invStdDev);
        }

        /// <summary>
        /// Float X, scale and bias of one value per row position: per row, the mean (when centered) and the mean square
        /// of x − mean in two vectorised passes, then y = (x − mean)·invStdDev·scale + bias in three.
        /// </summary>
        private void RunFloat(KernelContext context, Tensor x, Tensor scale, Tensor? bias, int axis, ReadOnlySpan<long> statDims)
        {
            ReadOnlySpan<float> xs = x.AsSpan<float>(), gamma = scale.AsSpan<float>(), beta = bias is null ? default : bias.AsSpan<float>();
            Span<float> y = context.Output<float>(0, DataType.Float, x.Dims);
            Span<float> means = centered && context.HasOutput(1) ? context.Output<float>(1, DataType.Float, statDims) : default;
            Span<float> inverses = centered && context.HasOutput(2) ? context.Output<float>(2, DataType.Float, statDims) : default;
            int length = gamma.Length;
            if (length == 0)
                return;
            for (int row = 0, start = 0; start < xs.Length; row++, start += length)
            {
                ReadOnlySpan<float> source = xs.Slice(start, length);
                Span<float> target = y.Slice(start, length);
                float mean = centered ? TensorPrimitives.Sum(source) / length : 0;
                TensorPrimitives.Subtract(source, mean, target);
                float inverse = 1 / MathF.Sqrt(TensorPrimitives.SumOfSquares(target) / length + (float)_epsilon);
                TensorPrimitives.Multiply(target, inverse, target);
                if (beta.IsEmpty)
                    TensorPrimitives.Multiply(target, gamma, target);
                else
                    TensorPrimitives.MultiplyAdd(target, gamma, beta, target);
                if (!means.IsEmpty)
                    means[row] = mean;
                if (!inverses.IsEmpty)
                    inverses[row] = inverse;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="t"/> holds one value per position of a row (the axes from <paramref name="axis"/>): its
    /// dims equal X's trailing ones and it has as many elements as a row.
    /// </summary>
    private static bool PerRow(long[] xDims, int axis, Tensor t)
    {
        if (t.Dims.Length > xDims.Length)
            return false;
        long length = 1;
        for (int i = axis; i < xDims.Length; i++)
            length *= xDims[i];
        for (int i = 1; i <= t.Dims.Length; i++)
        {
            if (t.Dims[^i] != xDims[^i] && !(xDims.Length - i < axis && t.Dims[^i] == 1))
                return false;
        }
        return t.ElementCount == length;
    }

    /// <summary>
    /// Statistics per image and group of num_groups consecutive channels; scale and bias are per channel from
    /// version 21, per group in version 18.
    /// </summary>
    private sealed class GroupNormalizationKernel : Kernel
    {
        private readonly long _groups;
        private readonly double _epsilon;
        private readonly bool _perChannel;

        public GroupNormalizationKernel(KernelNode node)
        {
            _groups = node.Attributes.Int("num_groups") ?? throw node.Fail("attribute 'num_groups' is required");
            if (_groups <= 0)
                throw node.Fail($"attribute 'num_groups' is {_groups}; expected a positive number");
            _epsilon = node.Attributes.Float("epsilon", 1e-5f);
            _perChannel = node.Version >= 21;
        }

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0), scale = context.Tensor(1), bias = context.Tensor(2);
            if (x.Dims.Length < 2 || x.Dims[1] % _groups != 0)
                throw context.Fail($"input X has shape [{string.Join(",", x.Dims)}]; expected N × C × … with C divisible by num_groups {_groups}");
            long channels = x.Dims[1], inner = context.ElementCount(x.Dims[2..]);
            long expected = _perChannel ? channels : _groups;
            foreach ((Tensor t, string name) in new[] { (scale, "scale"), (bias, "bias") })
            {
                if (t.Dims.Length != 1 || t.Dims[0] != expected)
                    throw context.Fail($"input {name} has shape [{string.Join(",", t.Dims)}]; expected [{expected}], one value per {(_perChannel ? "channel" : "group")}");
            }
            // X viewed as (N, groups, C/groups · rest): the statistics reduce the last axis.
            long[] view = [x.Dims[0], _groups, channels / _groups * inner];
            int[] group = Broadcasting.Offsets([x.Dims[0], _groups, 1], view);
            // The scale and bias offsets: the channel (or group) of each element of X viewed as (N, C or groups, rest).
            long[] affineView = [x.Dims[0], expected, channels / expected * inner];
            int[] affineAt = Broadcasting.Offsets([1, expected, 1], affineView);
            double[] xs = RealTensors.Read(context, x, "X");
            (double[] mean, double[] invStdDev) = Statistics(xs, group, (int)(x.Dims[0] * _groups), centered: true, _epsilon);
            double[] y = Apply(xs, group, mean, invStdDev, RealTensors.Read(context, scale, "scale"), affineAt, RealTensors.Read(context, bias, "bias"), affineAt);
            RealTensors.Write(context, 0, x.DataType, x.Dims, y);
        }
    }

    /// <summary>(x − mean)/(σ + 1e-9) over the 'axes', as the operator's function body computes it.</summary>
    private sealed class MeanVarianceKernel(KernelNode node) : Kernel
    {
        private readonly long[] _axes = [.. node.Attributes.Ints("axes") ?? [0, 2, 3]];

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0);
            int rank = x.Dims.Length;
            long[] statDims = [.. x.Dims];
            foreach (long a in _axes)
            {
                if (a < -rank || a >= rank)
                    throw context.Fail($"attribute 'axes' has {a}; expected values in [{-rank}, {rank}) for input X of rank {rank}");
                statDims[a < 0 ? a + rank : a] = 1;
            }
            int[] group = Broadcasting.Offsets(statDims, x.Dims);
            double[] xs = RealTensors.Read(context, x, "X");
            (double[] mean, double[] invStdDev) = Statistics(xs, group, (int)context.ElementCount(statDims), centered: true, 0);
            for (int g = 0; g < invStdDev.Length; g++)
                invStdDev[g] = 1 / (1 / invStdDev[g] + 1e-9);
            RealTensors.Write(context, 0, x.DataType, x.Dims, Apply(xs, group, mean, invStdDev, null, null, null, null));
        }
    }
}
