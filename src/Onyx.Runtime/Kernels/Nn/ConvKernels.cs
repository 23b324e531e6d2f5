using System.Buffers;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>Conv and ConvTranspose over any number of spatial axes, with groups, for the float element types.</summary>
internal static class ConvKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Conv", node => new ConvKernel(node)),
        KernelRegistration.All("ConvTranspose", node => new ConvTransposeKernel(node)),
    ];

    /// <summary>The shapes both convolutions check: X (N × C × D…), W of the same rank, an optional 1-D bias of <paramref name="outputChannels"/>.</summary>
    private static void CheckShapes(KernelContext context, Tensor x, Tensor w, Tensor? bias, long group, long weightChannels, long expectedWeightChannels, Func<long> outputChannels)
    {
        if (x.Dims.Length < 3)
            throw context.Fail($"input X has shape [{string.Join(",", x.Dims)}]; expected at least rank 3 (N × C × D1 …)");
        if (w.Dims.Length != x.Dims.Length)
            throw context.Fail($"input W has rank {w.Dims.Length}; expected {x.Dims.Length}, the rank of X");
        if (x.Dims[1] % group != 0 || weightChannels != expectedWeightChannels)
            throw context.Fail($"input X has {x.Dims[1]} channels, which does not match W's shape [{string.Join(",", w.Dims)}] with group {group}");
        if (bias is not null && (bias.Dims.Length != 1 || bias.Dims[0] != outputChannels()))
            throw context.Fail($"input B has shape [{string.Join(",", bias.Dims)}]; expected [{outputChannels()}], one value per output channel");
    }

    private static void CheckSameType(KernelContext context, Tensor x, Tensor w, Tensor? bias)
    {
        if (x.DataType != w.DataType || (bias is not null && bias.DataType != x.DataType))
            throw context.Fail("inputs X, W and B must have the same element type");
    }

    /// <summary>
    /// Checks Conv's shapes (X, W of matching channels and group, an optional bias of W's output channels) and fits the
    /// window; ConvInteger and QLinearConv share it.
    /// </summary>
    internal static WindowGeometry ConvWindow(KernelContext context, WindowAttributes attributes, long group, Tensor x, Tensor w, Tensor? bias)
    {
        CheckShapes(context, x, w, bias, group, w.Dims.Length > 1 ? w.Dims[1] * group : -1, x.Dims.Length > 1 ? x.Dims[1] : 0, () => w.Dims[0]);
        if (w.Dims[0] % group != 0)
            throw context.Fail($"input W has {w.Dims[0]} output channels, which group {group} does not divide");
        WindowGeometry window = attributes.Resolve(context, x.Dims.AsSpan(2), w.Dims.AsSpan(2));
        if (!window.Kernel.AsSpan().SequenceEqual(w.Dims.AsSpan(2)))
            throw context.Fail($"attribute 'kernel_shape' is [{string.Join(",", window.Kernel)}] but W's spatial dims are [{string.Join(",", w.Dims[2..])}]");
        return window;
    }

    /// <summary>
    /// The grouped convolution of <paramref name="xs"/> (N × C × input) with <paramref name="ws"/> (M × C/group × kernel),
    /// plus <paramref name="bias"/> per output channel when given: N × M × output values.
    /// </summary>
    internal static double[] Convolve(WindowGeometry window, long[] xDims, long[] wDims, long group, double[] xs, double[] ws, double[]? bias, int threads)
    {
        int n = (int)xDims[0], c = (int)xDims[1], m = (int)wDims[0], groupIn = c / (int)group, groupOut = m / (int)group;
        int inSize = window.InputSize, outSize = window.OutputSize, kernelSize = window.KernelSize;
        var y = new double[(long)n * m * outSize];
        // Output positions are independent: each thread takes some and keeps its own window offsets.
        Parallel.For(0, outSize, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new int[kernelSize], (p, _, offsets) =>
        {
            window.Offsets(p, offsets);
            for (int image = 0; image < n; image++)
            {
                for (int oc = 0; oc < m; oc++)
                {
                    int firstChannel = oc / groupOut * groupIn;
                    double sum = bias?[oc] ?? 0;
                    for (int ic = 0; ic < groupIn; ic++)
                    {
                        int xBase = ((image * c) + firstChannel + ic) * inSize, wBase = ((oc * groupIn) + ic) * kernelSize;
                        for (int k = 0; k < kernelSize; k++)
                        {
                            if (offsets[k] >= 0)
                                sum += xs[xBase + offsets[k]] * ws[wBase + k];
                        }
                    }
                    y[((image * m) + oc) * outSize + p] = sum;
                }
            }
            return offsets;
        }, _ => { });
        return y;
    }

    /// <summary>The most floats one column matrix holds; wider outputs are convolved in column tiles.</summary>
    private const int ColumnBudget = 16 << 20;

    /// <summary>
    /// <see cref="Convolve"/> for float: per image and group, the input windows laid out as a column matrix
    /// (groupIn·kernel rows × output positions, padding as 0) times W's group rows, by <see cref="Sgemm"/>. Y starts as the
    /// bias (or 0) and the products add to it. A 1×1 kernel with stride 1 and no padding reads X itself as the column matrix.
    /// A depthwise convolution (each channel with its own one-channel kernel: group = input channels = output channels)
    /// runs directly instead (<see cref="DepthwiseConvolution"/>).
    /// </summary>
    internal static void ConvolveSingle(WindowGeometry window, long[] xDims, long[] wDims, int group, ReadOnlySpan<float> xs, ReadOnlySpan<float> ws,
        ReadOnlySpan<float> bias, Span<float> y, int threads)
    {
        int n = (int)xDims[0], c = (int)xDims[1], m = (int)wDims[0], groupIn = c / group, groupOut = m / group;
        if (group == c && m == group && wDims[1] == 1 && DepthwiseConvolution.Geometry.Of(window) is { } depthwise)
        {
            DepthwiseConvolution.Convolve(depthwise, n * c, c, xs, ws, bias, y, float.NegativeInfinity, float.PositiveInfinity, threads);
            return;
        }
        int inSize = window.InputSize, outSize = window.OutputSize, kernelSize = window.KernelSize, rows = groupIn * kernelSize;
        if (!bias.IsEmpty)
        {
            for (int plane = 0; plane < n * m; plane++)
                y.Slice(plane * outSize, outSize).Fill(bias[plane % m]);
        }
        float beta = bias.IsEmpty ? 0 : 1;
        if (IsPointwise(window))
        {
            for (int image = 0; image < n; image++)
            {
                for (int g = 0; g < group; g++)
                {
                    Sgemm.Multiply(false, false, groupOut, outSize, groupIn, 1, ws.Slice(g * groupOut * groupIn, groupOut * groupIn), groupIn,
                        xs.Slice((image * c + g * groupIn) * inSize, groupIn * inSize), inSize, beta, y.Slice((image * m + g * groupOut) * outSize), outSize, threads);
                }
            }
            return;
        }
        int tile = (int)System.Math.Clamp(ColumnBudget / System.Math.Max(rows, 1), 1, System.Math.Max(outSize, 1));
        float[] columns = ArrayPool<float>.Shared.Rent(rows * tile);
        int[] sources = ArrayPool<int>.Shared.Rent(kernelSize * tile);
        int[] offsets = new int[kernelSize];
        try
        {
            for (int first = 0; first < outSize; first += tile)
            {
                int width = System.Math.Min(tile, outSize - first);
                // sources[kp × width + j]: where kernel position kp of output position first + j reads within a channel (-1 for padding).
                for (int j = 0; j < width; j++)
                {
                    window.Offsets(first + j, offsets);
                    for (int kp = 0; kp < kernelSize; kp++)
                        sources[kp * width + j] = offsets[kp];
                }
                for (int image = 0; image < n; image++)
                {
                    for (int g = 0; g < group; g++)
                    {
                        for (int ic = 0; ic < groupIn; ic++)
                        {
                            ReadOnlySpan<float> channel = xs.Slice((image * c + g * groupIn + ic) * inSize, inSize);
                            Span<float> block = columns.AsSpan(ic * kernelSize * width, kernelSize * width);
                            for (int i = 0; i < block.Length; i++)
                                block[i] = sources[i] >= 0 ? channel[sources[i]] : 0;
                        }
                        Sgemm.Multiply(false, false, groupOut, width, rows, 1, ws.Slice(g * groupOut * rows, groupOut * rows), rows,
                            columns.AsSpan(0, rows * width), width, beta, y.Slice((image * m + g * groupOut) * outSize + first), outSize, threads);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(columns);
            ArrayPool<int>.Shared.Return(sources);
        }
    }

    private static bool IsPointwise(WindowGeometry window)
    {
        for (int i = 0; i < window.Rank; i++)
        {
            if (window.Kernel[i] != 1 || window.Strides[i] != 1 || window.PadBegin[i] != 0 || window.PadEnd[i] != 0)
                return false;
        }
        return true;
    }

    private sealed class ConvKernel : Kernel
    {
        private readonly WindowAttributes _window;
        private readonly long _group;

        public ConvKernel(KernelNode node)
        {
            _window = new WindowAttributes(node);
            _group = node.Attributes.Int("group", 1);
            if (_group <= 0)
                throw node.Fail($"attribute 'group' is {_group}; expected a positive number");
        }

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0), w = context.Tensor(1);
            Tensor? b = context.OptionalTensor(2);
            WindowGeometry window = ConvWindow(context, _window, _group, x, w, b);
            CheckSameType(context, x, w, b);
            long[] dims = [x.Dims[0], w.Dims[0], .. window.Output];
            if (x.DataType == DataType.Float)
            {
                ConvolveSingle(window, x.Dims, w.Dims, (int)_group, x.AsSpan<float>(), w.AsSpan<float>(), b is null ? default : b.AsSpan<float>(),
                    context.Output<float>(0, DataType.Float, dims), context.Node.Threads);
                return;
            }
            double[]? bs = b is null ? null : RealTensors.Read(context, b, "B");
            double[] y = Convolve(window, x.Dims, w.Dims, _group, RealTensors.Read(context, x, "X"), RealTensors.Read(context, w, "W"), bs, context.Node.Threads);
            RealTensors.Write(context, 0, x.DataType, dims, y);
        }
    }

    /// <summary>
    /// ConvTranspose scatters each input value through the kernel: the transposed window is a forward window whose
    /// "input" is Y and whose "output" positions are X's, so each X position adds into the Y offsets it covers.
    /// </summary>
    private sealed class ConvTransposeKernel : Kernel
    {
        private readonly WindowAttributes _window;
        private readonly long _group;
        private readonly long[]? _outputShape, _outputPadding;

        public ConvTransposeKernel(KernelNode node)
        {
            _window = new WindowAttributes(node);
            _group = node.Attributes.Int("group", 1);
            if (_group <= 0)
                throw node.Fail($"attribute 'group' is {_group}; expected a positive number");
            _outputShape = node.Attributes.Ints("output_shape") is { } s ? [.. s] : null;
            _outputPadding = node.Attributes.Ints("output_padding") is { } o ? [.. o] : null;
        }

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0), w = context.Tensor(1);
            Tensor? b = context.OptionalTensor(2);
            CheckShapes(context, x, w, b, _group, w.Dims.Length > 0 ? w.Dims[0] : -1, x.Dims.Length > 1 ? x.Dims[1] : 0, () => w.Dims[1] * _group);
            CheckSameType(context, x, w, b);
            int rank = x.Dims.Length - 2;
            WindowGeometry window = Transposed(context, x.Dims[2..], w.Dims[2..], rank);
            int n = (int)x.Dims[0], c = (int)x.Dims[1], groupIn = c / (int)_group, groupOut = (int)w.Dims[1], m = groupOut * (int)_group;
            double[] xs = RealTensors.Read(context, x, "X"), ws = RealTensors.Read(context, w, "W");
            int ySize = window.InputSize, xSize = window.OutputSize, kernelSize = window.KernelSize;
            var y = new double[(long)n * m * ySize];
            if (b is not null)
            {
                double[] bs = RealTensors.Read(context, b, "B");
                for (int plane = 0; plane < n * m; plane++)
                    y.AsSpan(plane * ySize, ySize).Fill(bs[plane % m]);
            }
            var offsets = new int[kernelSize];
            for (int p = 0; p < xSize; p++)
            {
                window.Offsets(p, offsets);
                for (int image = 0; image < n; image++)
                {
                    for (int ic = 0; ic < c; ic++)
                    {
                        double value = xs[((image * c) + ic) * xSize + p];
                        int firstOut = ic / groupIn * groupOut;
                        for (int oc = 0; oc < groupOut; oc++)
                        {
                            int yBase = ((image * m) + firstOut + oc) * ySize, wBase = ((ic * groupOut) + oc) * kernelSize;
                            for (int k = 0; k < kernelSize; k++)
                            {
                                if (offsets[k] >= 0)
                                    y[yBase + offsets[k]] += value * ws[wBase + k];
                            }
                        }
                    }
                }
            }
            RealTensors.Write(context, 0, x.DataType, [x.Dims[0], m, .. window.Input], y);
        }

        /// <summary>Y's spatial sizes and pads by the spec: from output_shape (total padding split, the odd one first unless SAME_UPPER) or from the pads.</summary>
        private WindowGeometry Transposed(KernelContext context, long[] input, long[] weightKernel, int rank)
        {
            long[] kernel = _window.KernelShape ?? weightKernel;
            if (kernel.Length != rank)
                throw context.Fail($"attribute 'kernel_shape' has {kernel.Length} values; expected {rank}");
            (long[] strides, long[] dilations, long[] pads) = _window.Explicit(context, rank);
            long[] outputPadding = _outputPadding ?? new long[rank];
            if (outputPadding.Length != rank)
                throw context.Fail($"attribute 'output_padding' has {outputPadding.Length} values; expected {rank}");
            long[]? requested = _outputShape is null ? null : _outputShape[^rank..];
            if (requested is null && _window.AutoPad is "SAME_UPPER" or "SAME_LOWER")
                requested = [.. input.Select((d, i) => d * strides[i])];
            long[] output = new long[rank], padBegin = new long[rank], padEnd = new long[rank];
            for (int i = 0; i < rank; i++)
            {
                long full = strides[i] * (input[i] - 1) + outputPadding[i] + (kernel[i] - 1) * dilations[i] + 1;
                if (requested is not null)
                {
                    // A requested size past the full one leaves a negative total: extra zeros at the end, so halve rounding down.
                    long total = full - requested[i], half = total >> 1;
                    padBegin[i] = _window.AutoPad == "SAME_UPPER" ? half : total - half;
                    padEnd[i] = total - padBegin[i];
                    output[i] = requested[i];
                }
                else
                {
                    padBegin[i] = _window.AutoPad == "VALID" ? 0 : pads[i];
                    padEnd[i] = _window.AutoPad == "VALID" ? 0 : pads[rank + i];
                    output[i] = full - padBegin[i] - padEnd[i];
                }
                if (output[i] < 0)
                    throw context.Fail($"the output size on spatial axis {i} would be {output[i]}");
            }
            return new WindowGeometry(output, kernel, strides, dilations, padBegin, padEnd, input);
        }
    }
}
