using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>The per-channel normalizations of CNNs: BatchNormalization, InstanceNormalization and LRN.</summary>
internal static class NormalizationKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("BatchNormalization", node => new BatchNormalizationKernel(node)),
        KernelRegistration.All("InstanceNormalization", node => new InstanceNormalizationKernel(node.Attributes.Float("epsilon", 1e-5f))),
        KernelRegistration.All("LRN", node => new LrnKernel(node)),
    ];

    /// <summary>X as (N, C, rest): the count of images, of channels, and of values per channel per image.</summary>
    private static (int Images, int Channels, int Inner) Layout(KernelContext context, Tensor x)
    {
        if (x.Dims.Length < 2)
            throw context.Fail($"input X has shape [{string.Join(",", x.Dims)}]; expected at least rank 2 (N × C × …)");
        long inner = context.ElementCount(x.Dims.AsSpan(2));
        return ((int)x.Dims[0], (int)x.Dims[1], (int)inner);
    }

    /// <summary>Input <paramref name="index"/> as C values, one per channel.</summary>
    private static double[] PerChannel(KernelContext context, int index, string name, int channels)
    {
        Tensor t = context.Tensor(index);
        if (t.Dims.Length != 1 || t.Dims[0] != channels)
            throw context.Fail($"input {name} has shape [{string.Join(",", t.Dims)}]; expected [{channels}], one value per channel");
        return RealTensors.Read(context, t, name);
    }

    /// <summary>y = scale·(x − mean)/√(var + ε) + bias per channel.</summary>
    private static double[] Normalize(double[] x, int images, int channels, int inner, double[] scale, double[] bias, double[] mean, double[] variance, double epsilon, bool perImage)
    {
        var y = new double[x.Length];
        for (int image = 0; image < images; image++)
        {
            for (int c = 0; c < channels; c++)
            {
                int stat = perImage ? image * channels + c : c, start = (image * channels + c) * inner;
                double factor = scale[c] / System.Math.Sqrt(variance[stat] + epsilon), shift = bias[c] - mean[stat] * factor;
                for (int i = start; i < start + inner; i++)
                    y[i] = x[i] * factor + shift;
            }
        }
        return y;
    }

    /// <summary>The population mean and variance of each channel, over the images too unless <paramref name="perImage"/>.</summary>
    private static (double[] Mean, double[] Variance) Moments(double[] x, int images, int channels, int inner, bool perImage)
    {
        int groups = perImage ? images * channels : channels;
        double[] sum = new double[groups], squares = new double[groups];
        for (int image = 0; image < images; image++)
        {
            for (int c = 0; c < channels; c++)
            {
                int stat = perImage ? image * channels + c : c, start = (image * channels + c) * inner;
                double mean = 0;
                for (int i = start; i < start + inner; i++)
                    mean += x[i];
                sum[stat] += mean;
            }
        }
        long count = (long)inner * (perImage ? 1 : images);
        for (int g = 0; g < groups; g++)
            sum[g] /= count;
        for (int image = 0; image < images; image++)
        {
            for (int c = 0; c < channels; c++)
            {
                int stat = perImage ? image * channels + c : c, start = (image * channels + c) * inner;
                for (int i = start; i < start + inner; i++)
                    squares[stat] += (x[i] - sum[stat]) * (x[i] - sum[stat]);
            }
        }
        for (int g = 0; g < groups; g++)
            squares[g] /= count;
        return (sum, squares);
    }

    /// <summary>
    /// Inference normalizes with the given statistics; training_mode (version 14 on) normalizes with the batch's and
    /// outputs the running statistics, input·momentum + batch·(1 − momentum).
    /// </summary>
    private sealed class BatchNormalizationKernel : Kernel
    {
        private readonly double _epsilon, _momentum;
        private readonly bool _training;
        // Per channel, the factors then the shifts of the float inference path, worked out once when the four
        // statistics are constant float vectors of one length (the usual case); null when they are not.
        private readonly float[]? _constantAffine;

        public BatchNormalizationKernel(KernelNode node)
        {
            _epsilon = node.Attributes.Float("epsilon", 1e-5f);
            _momentum = node.Attributes.Float("momentum", 0.9f);
            _training = node.Attributes.Int("training_mode", 0) != 0;
            if (node.Attributes.Int("spatial", 1) == 0)
                throw node.Fail("attribute 'spatial' is 0 (statistics per value, not per channel); only spatial 1 is supported");
            if (node.Version < 14 && Enumerable.Range(1, node.Node.Outputs.Count - 1).Any(i => node.Node.Outputs[i].Length > 0))
                throw node.Fail("the training outputs of BatchNormalization before version 14 are not supported");
            Tensor?[] statistics = [.. Enumerable.Range(1, 4).Select(node.ConstantInput)];
            if (statistics.All(t => t is { DataType: DataType.Float, Dims: [long length] } && length == statistics[0]!.Dims[0]))
            {
                double[][] values = [.. statistics.Select(t => Array.ConvertAll(t!.ToArray<float>(), v => (double)v))];
                _constantAffine = Affine(values[0], values[1], values[2], values[3], _epsilon);
            }
        }

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0);
            (int images, int channels, int inner) = Layout(context, x);
            if (!_training && x.DataType == DataType.Float)
            {
                RunFloat(context, x, images, channels, inner);
                return;
            }
            double[] xs = RealTensors.Read(context, x, "X");
            double[] scale = PerChannel(context, 1, "scale", channels), bias = PerChannel(context, 2, "B", channels);
            double[] mean = PerChannel(context, 3, "input_mean", channels), variance = PerChannel(context, 4, "input_var", channels);
            if (!_training)
            {
                RealTensors.Write(context, 0, x.DataType, x.Dims, Normalize(xs, images, channels, inner, scale, bias, mean, variance, _epsilon, perImage: false));
                return;
            }
            (double[] batchMean, double[] batchVariance) = Moments(xs, images, channels, inner, perImage: false);
            RealTensors.Write(context, 0, x.DataType, x.Dims, Normalize(xs, images, channels, inner, scale, bias, batchMean, batchVariance, _epsilon, perImage: false));
            DataType statType = context.Tensor(3).DataType;
            for (int c = 0; c < channels; c++)
            {
                mean[c] = mean[c] * _momentum + batchMean[c] * (1 - _momentum);
                variance[c] = variance[c] * _momentum + batchVariance[c] * (1 - _momentum);
            }
            if (context.HasOutput(1))
                RealTensors.Write(context, 1, statType, [channels], mean);
            if (context.HasOutput(2))
                RealTensors.Write(context, 2, statType, [channels], variance);
        }

        /// <summary>
        /// Inference on float X: y = x·factor + shift per channel (<see cref="Affine"/>: the constant statistics' factors
        /// worked out once, others per run), one fused pass per plane.
        /// </summary>
        private void RunFloat(KernelContext context, Tensor x, int images, int channels, int inner)
        {
            float[] affine = _constantAffine is { } known && known.Length == 2 * channels ? known
                : Affine(PerChannel(context, 1, "scale", channels), PerChannel(context, 2, "B", channels),
                    PerChannel(context, 3, "input_mean", channels), PerChannel(context, 4, "input_var", channels), _epsilon);
            ReadOnlySpan<float> xs = x.AsSpan<float>();
            Span<float> y = context.OutputToOverwrite<float>(0, DataType.Float, x.Dims);
            for (int plane = 0; plane < images * channels; plane++)
            {
                int c = plane % channels;
                ScaleAndShift(xs.Slice(plane * inner, inner), affine[c], affine[channels + c], y.Slice(plane * inner, inner));
            }
        }

        /// <summary>
        /// Per channel the factor scale/√(var + ε), then per channel the shift B − mean·factor: worked out in double (as
        /// the general path does) and rounded once.
        /// </summary>
        private static float[] Affine(double[] scale, double[] bias, double[] mean, double[] variance, double epsilon)
        {
            int channels = scale.Length;
            var affine = new float[2 * channels];
            for (int c = 0; c < channels; c++)
            {
                double factor = scale[c] / System.Math.Sqrt(variance[c] + epsilon);
                affine[c] = (float)factor;
                affine[channels + c] = (float)(bias[c] - mean[c] * factor);
            }
            return affine;
        }

        /// <summary>y = x·factor + shift, fused where the hardware allows.</summary>
        private static void ScaleAndShift(ReadOnlySpan<float> x, float factor, float shift, Span<float> y)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<float> f = Vector256.Create(factor), a = Vector256.Create(shift);
                for (; i + Vector256<float>.Count <= x.Length; i += Vector256<float>.Count)
                    Vector256.MultiplyAddEstimate(Vector256.Create(x.Slice(i)), f, a).CopyTo(y.Slice(i));
            }
            for (; i < x.Length; i++)
                y[i] = MathF.FusedMultiplyAdd(x[i], factor, shift);
        }
    }

    /// <summary>Normalizes each channel of each image by its own mean and variance.</summary>
    private sealed class InstanceNormalizationKernel(double epsilon) : Kernel
    {
        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0);
            (int images, int channels, int inner) = Layout(context, x);
            double[] xs = RealTensors.Read(context, x, "input");
            double[] scale = PerChannel(context, 1, "scale", channels), bias = PerChannel(context, 2, "B", channels);
            (double[] mean, double[] variance) = Moments(xs, images, channels, inner, perImage: true);
            RealTensors.Write(context, 0, x.DataType, x.Dims, Normalize(xs, images, channels, inner, scale, bias, mean, variance, epsilon, perImage: true));
        }
    }

    /// <summary>
    /// Local response normalization across channels: y = x / (bias + α/size · Σ x²)^β, the sum over the channels
    /// from c − ⌊(size−1)/2⌋ to c + ⌈(size−1)/2⌉ that exist.
    /// </summary>
    private sealed class LrnKernel : Kernel
    {
        private readonly double _alpha, _beta, _bias;
        private readonly int _size;

        public LrnKernel(KernelNode node)
        {
            _alpha = node.Attributes.Float("alpha", 1e-4f);
            _beta = node.Attributes.Float("beta", 0.75f);
            _bias = node.Attributes.Float("bias", 1f);
            long size = node.Attributes.Int("size") ?? throw node.Fail("attribute 'size' is required");
            _size = size > 0 ? (int)size : throw node.Fail($"attribute 'size' is {size}; expected a positive number");
        }

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0);
            (int images, int channels, int inner) = Layout(context, x);
            int before = (_size - 1) / 2, after = _size - 1 - before;
            if (x.DataType == DataType.Float)
            {
                RunFloat(context, x, images, channels, inner, before, after);
                return;
            }
            double[] xs = RealTensors.Read(context, x, "X");
            var y = new double[xs.Length];
            for (int image = 0; image < images; image++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int first = System.Math.Max(0, c - before), last = System.Math.Min(channels - 1, c + after);
                    for (int i = 0; i < inner; i++)
                    {
                        double squares = 0;
                        for (int k = first; k <= last; k++)
                        {
                            double v = xs[(image * channels + k) * inner + i];
                            squares += v * v;
                        }
                        int at = (image * channels + c) * inner + i;
                        y[at] = xs[at] / System.Math.Pow(_bias + _alpha / _size * squares, _beta);
                    }
                }
            }
            RealTensors.Write(context, 0, x.DataType, x.Dims, y);
        }

        /// <summary>
        /// Float X, plane by plane: the sum of squares over the channel window (in float, at most size terms), then
        /// y = x / (bias + alpha/size · sum)^beta, by square roots for the usual β = 0.75 (and 0.5, 1), else by MathF.Pow.
        /// </summary>
        private void RunFloat(KernelContext context, Tensor x, int images, int channels, int inner, int before, int after)
        {
            ReadOnlySpan<float> xs = x.AsSpan<float>();
            Span<float> y = context.OutputToOverwrite<float>(0, DataType.Float, x.Dims);
            float[] rented = ArrayPool<float>.Shared.Rent(inner);
            try
            {
                Span<float> sum = rented.AsSpan(0, inner);
                for (int image = 0; image < images; image++)
                {
                    for (int c = 0; c < channels; c++)
                    {
                        int first = System.Math.Max(0, c - before), last = System.Math.Min(channels - 1, c + after);
                        sum.Clear();
                        for (int k = first; k <= last; k++)
                        {
                            ReadOnlySpan<float> plane = xs.Slice((image * channels + k) * inner, inner);
                            TensorPrimitives.FusedMultiplyAdd(plane, plane, sum, sum);
                        }
                        int at = (image * channels + c) * inner;
                        Divide(xs.Slice(at, inner), sum, y.Slice(at, inner));
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }

        /// <summary>y = x / (bias + alpha/size · sum)^beta.</summary>
        private void Divide(ReadOnlySpan<float> x, ReadOnlySpan<float> sum, Span<float> y)
        {
            float scale = (float)(_alpha / _size), bias = (float)_bias, beta = (float)_beta;
            int i = 0;
            if (Vector256.IsHardwareAccelerated && beta is 0.75f or 0.5f or 1f)
            {
                Vector256<float> s = Vector256.Create(scale), b = Vector256.Create(bias);
                for (; i + Vector256<float>.Count <= x.Length; i += Vector256<float>.Count)
                {
                    Vector256<float> v = Vector256.MultiplyAddEstimate(Vector256.Create(sum.Slice(i)), s, b), root = Vector256.Sqrt(v);
                    Vector256<float> power = beta == 0.75f ? root * Vector256.Sqrt(root) : beta == 0.5f ? root : v;
                    (Vector256.Create(x.Slice(i)) / power).CopyTo(y.Slice(i));
                }
            }
            for (; i < x.Length; i++)
                y[i] = x[i] / MathF.Pow(MathF.FusedMultiplyAdd(sum[i], scale, bias), beta);
        }
    }
}
