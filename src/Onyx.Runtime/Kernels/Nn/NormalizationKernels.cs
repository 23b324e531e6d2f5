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
        long inner = context.ElementCount(x.Dims[2..]);
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

        public BatchNormalizationKernel(KernelNode node)
        {
            _epsilon = node.Attributes.Float("epsilon", 1e-5f);
            _momentum = node.Attributes.Float("momentum", 0.9f);
            _training = node.Attributes.Int("training_mode", 0) != 0;
            if (node.Attributes.Int("spatial", 1) == 0)
                throw node.Fail("attribute 'spatial' is 0 (statistics per value, not per channel); only spatial 1 is supported");
            if (node.Version < 14 && Enumerable.Range(1, node.Node.Outputs.Count - 1).Any(i => node.Node.Outputs[i].Length > 0))
                throw node.Fail("the training outputs of BatchNormalization before version 14 are not supported");
        }

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0);
            (int images, int channels, int inner) = Layout(context, x);
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
            double[] xs = RealTensors.Read(context, x, "X");
            var y = new double[xs.Length];
            int before = (_size - 1) / 2, after = _size - 1 - before;
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
    }
}
