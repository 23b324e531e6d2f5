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

    /// <summary>
    /// The shapes both convolutions check: X (N × C × D…), W of the same rank, an optional 1-D bias with one value per
    /// output channel (W's dim 0, or for the transposed convolution dim 1 times the group).
    /// </summary>
    private static void CheckShapes(KernelContext context, Tensor x, Tensor w, Tensor? bias, long group, long weightChannels, long expectedWeightChannels, bool transposed)
    {
        if (x.Dims.Length < 3)
            throw context.Fail($"input X has shape [{string.Join(",", x.Dims)}]; expected at least rank 3 (N × C × D1 …)");
        if (w.Dims.Length != x.Dims.Length)
            throw context.Fail($"input W has rank {w.Dims.Length}; expected {x.Dims.Length}, the rank of X");
        if (x.Dims[1] % group != 0 || weightChannels != expectedWeightChannels)
            throw context.Fail($"input X has {x.Dims[1]} channels, which does not match W's shape [{string.Join(",", w.Dims)}] with group {group}");
        long outputChannels = transposed ? w.Dims[1] * group : w.Dims[0];
        if (bias is not null && (bias.Dims.Length != 1 || bias.Dims[0] != outputChannels))
            throw context.Fail($"input B has shape [{string.Join(",", bias.Dims)}]; expected [{outputChannels}], one value per output channel");
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
        CheckShapes(context, x, w, bias, group, w.Dims.Length > 1 ? w.Dims[1] * group : -1, x.Dims.Length > 1 ? x.Dims[1] : 0, transposed: false);
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

    private sealed class ConvKernel : Kernel
    {
        private readonly WindowAttributes _window;
        private readonly long _group;
        private readonly FloatConvolution? _float;

        public ConvKernel(KernelNode node)
        {
            _window = new WindowAttributes(node);
            _group = node.Attributes.Int("group", 1);
            if (_group <= 0)
                throw node.Fail($"attribute 'group' is {_group}; expected a positive number");
            if (_group <= int.MaxValue)
                _float = new FloatConvolution(node, (int)_group);
        }

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0), w = context.Tensor(1);
            Tensor? b = context.OptionalTensor(2);
            WindowGeometry window = ConvWindow(context, _window, _group, x, w, b);
            CheckSameType(context, x, w, b);
            Span<long> dims = OutputDims(x, w, window, stackalloc long[x.Dims.Length]);
            if (x.DataType == DataType.Float && _float is not null)
            {
                _float.Run(window, x, w, b is null ? default : b.AsSpan<float>(), default, float.NegativeInfinity, float.PositiveInfinity,
                    context.OutputToOverwrite<float>(0, DataType.Float, dims), context.Node.Threads);
                return;
            }
            double[]? bs = b is null ? null : RealTensors.Read(context, b, "B");
            double[] y = Convolve(window, x.Dims, w.Dims, _group, RealTensors.Read(context, x, "X"), RealTensors.Read(context, w, "W"), bs, context.Node.Threads);
            RealTensors.Write(context, 0, x.DataType, dims.ToArray(), y);
        }
    }

    /// <summary>Y's dims, N × M × the window's output, written into <paramref name="dims"/> (as long as X's rank).</summary>
    internal static Span<long> OutputDims(Tensor x, Tensor w, WindowGeometry window, Span<long> dims)
    {
        dims[0] = x.Dims[0];
        dims[1] = w.Dims[0];
        window.Output.CopyTo(dims[2..]);
        return dims;
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
            CheckShapes(context, x, w, b, _group, w.Dims.Length > 0 ? w.Dims[0] : -1, x.Dims.Length > 1 ? x.Dims[1] : 0, transposed: true);
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
