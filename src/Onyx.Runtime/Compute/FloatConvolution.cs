using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Compute;

/// <summary>
/// The float convolution of Conv and ai.onyx FusedConv: Y = clamp(conv(X, W) + B + Z, min, max) as one
/// <see cref="Sgemm"/> product per image and group (W's group rows × the column matrix), with the bias, the residual
/// Z and the clamp applied as C is stored. The column matrix is never written out: its panels are packed straight
/// from X through the window (<see cref="SgemmWindow"/>, built once per input shape), and a 1×1 kernel with stride 1
/// and no padding reads X itself. A constant W is packed once, when the kernel is built. A depthwise convolution
/// runs directly instead (<see cref="DepthwiseConvolution"/>).
/// </summary>
internal sealed unsafe class FloatConvolution
{
    /// <summary>The most window entries (kernel positions × output positions) kept between runs; past it the windows are rebuilt per run, a tile at a time.</summary>
    private const int WindowBudget = 16 << 20;

    private readonly int _group;
    private readonly Tensor? _constantWeights;
    private readonly SgemmPackedMatrix[]? _packedWeights;
    private WindowPlan? _plan;

    /// <summary>
    /// The windows of one input shape: one per tile of output positions, or none for a pointwise product; a strided
    /// window reads the input split into its phases (<see cref="WindowPhases"/>).
    /// </summary>
    private sealed record WindowPlan(WindowGeometry Window, int Tile, SgemmWindow[]? Tiles, WindowPhases? Phases);

    public FloatConvolution(KernelNode node, int group)
    {
        _group = group;
        if (node.ConstantInput(1) is not { DataType: DataType.Float, Dims.Length: >= 3 } w || w.Dims[0] % group != 0)
            return;
        long groupOut = w.Dims[0] / group, rows = w.ElementCount / System.Math.Max(w.Dims[0], 1);
        if (groupOut == 0 || rows == 0 || groupOut * rows * group > int.MaxValue || IsDepthwiseShaped(w, group))
            return;
        ReadOnlySpan<float> weights = w.AsSpan<float>();
        _packedWeights = new SgemmPackedMatrix[group];
        for (int g = 0; g < group; g++)
            _packedWeights[g] = SgemmPackedMatrix.A(Sgemm.Best, weights.Slice((int)(g * groupOut * rows), (int)(groupOut * rows)), (int)groupOut, (int)rows, (int)rows);
        _constantWeights = w;
    }

    /// <summary>One single-channel kernel per group (with as many groups as input channels, a depthwise convolution).</summary>
    private static bool IsDepthwiseShaped(Tensor w, int group) => w.Dims[1] == 1 && w.Dims[0] == group;

    /// <summary>
    /// Y (N × M × output) = clamp(conv(X, W) + bias + Z, min, max); <paramref name="bias"/> and <paramref name="z"/> may
    /// be empty. The shapes have been checked (<see cref="Kernels.Nn.ConvKernels.ConvWindow"/>).
    /// </summary>
    public void Run(WindowGeometry window, Tensor x, Tensor w, ReadOnlySpan<float> bias, ReadOnlySpan<float> z, float min, float max, Span<float> y, int threads)
    {
        long[] xDims = x.Dims, wDims = w.Dims;
        int n = (int)xDims[0], c = (int)xDims[1], m = (int)wDims[0], groupIn = c / _group, groupOut = m / _group;
        int inSize = window.InputSize, outSize = window.OutputSize, kernelSize = window.KernelSize, rows = groupIn * kernelSize;
        if (_group == c && IsDepthwiseShaped(w, _group) && DepthwiseConvolution.Geometry.Of(window) is { } depthwise)
        {
            // With a residual the clamp must follow the addition, so it is left to the second pass.
            bool clampHere = z.IsEmpty;
            DepthwiseConvolution.Convolve(depthwise, n * c, c, x.AsSpan<float>(), w.AsSpan<float>(), bias, y,
                clampHere ? min : float.NegativeInfinity, clampHere ? max : float.PositiveInfinity, threads);
            if (!clampHere)
                AddAndClamp(y, z, min, max);
            return;
        }
        if (y.IsEmpty)
            return;
        WindowPlan plan = Plan(window, rows);
        bool packed = ReferenceEquals(w, _constantWeights);
        int channelSize = plan.Phases?.ChannelSize ?? inSize;
        float[]? split = plan.Phases is null ? null : System.Buffers.ArrayPool<float>.Shared.Rent(checked(n * c * channelSize));
        try
        {
            fixed (float* xs = x.AsSpan<float>(), ws = w.AsSpan<float>(), bs = bias, zs = z, ys = y, phased = split)
            {
                float* source = xs;
                if (plan.Phases is { } phases)
                {
                    phases.Split(xs, n * c, phased);
                    source = phased;
                }
                for (int first = 0; first < outSize; first += plan.Tile)
                {
                    int count = System.Math.Min(plan.Tile, outSize - first);
                    SgemmWindow? tileWindow = plan.Tiles is null ? null : plan.Tiles.Length > 0 ? plan.Tiles[first / plan.Tile]
                        : new SgemmWindow(window, first, count, Sgemm.PanelWidth(Sgemm.Best), plan.Phases);
                    for (int image = 0; image < n; image++)
                    {
                        for (int g = 0; g < _group; g++)
                        {
                            float* weights = ws + (long)g * groupOut * rows, input = source + (long)(image * c + g * groupIn) * channelSize;
                            long output = (long)(image * m + g * groupOut) * outSize + first;
                            SgemmA a = packed ? SgemmA.Prepacked(_packedWeights![g], weights, rows) : SgemmA.Matrix(weights, rows, false);
                            SgemmB b = tileWindow is null ? SgemmB.Matrix(input, inSize, false) : SgemmB.Windowed(tileWindow.Columns(input));
                            var epilogue = new SgemmEpilogue(bias.IsEmpty ? null : bs + g * groupOut, null, z.IsEmpty ? null : zs + output, outSize, min, max);
                            Sgemm.Multiply(Sgemm.Best, a, b, groupOut, count, rows, 1, 0, ys + output, outSize, epilogue, threads);
                        }
                    }
                }
            }
        }
        finally
        {
            if (split is not null)
                System.Buffers.ArrayPool<float>.Shared.Return(split);
        }
    }

    private static void AddAndClamp(Span<float> y, ReadOnlySpan<float> z, float min, float max)
    {
        System.Numerics.Tensors.TensorPrimitives.Add(y, z, y);
        for (int i = 0; i < y.Length; i++)
            y[i] = MathF.Min(MathF.Max(y[i], min), max);
    }

    /// <summary>The windows for <paramref name="window"/>: the last ones built when the shape is the same, else new ones (kept when within the budget).</summary>
    private WindowPlan Plan(WindowGeometry window, int rows)
    {
        if (_plan is { } last && SameWindow(last.Window, window))
            return last;
        int outSize = window.OutputSize, kernelSize = window.KernelSize, width = Sgemm.PanelWidth(Sgemm.Best);
        WindowPlan plan;
        if (IsPointwise(window))
        {
            plan = new WindowPlan(window, System.Math.Max(outSize, 1), null, null);
        }
        else if ((long)kernelSize * outSize <= WindowBudget)
        {
            WindowPhases? phases = WindowPhases.Of(window);
            plan = new WindowPlan(window, System.Math.Max(outSize, 1), [new SgemmWindow(window, 0, outSize, width, phases)], phases);
        }
        else
        {
            int tile = System.Math.Max(Sgemm.MaxNr, WindowBudget / kernelSize / Sgemm.MaxNr * Sgemm.MaxNr);
            plan = new WindowPlan(window, tile, [], WindowPhases.Of(window));
        }
        _plan = plan;
        return plan;
    }

    private static bool SameWindow(WindowGeometry a, WindowGeometry b) =>
        a.Input.AsSpan().SequenceEqual(b.Input) && a.Output.AsSpan().SequenceEqual(b.Output) && a.Kernel.AsSpan().SequenceEqual(b.Kernel)
        && a.Strides.AsSpan().SequenceEqual(b.Strides) && a.Dilations.AsSpan().SequenceEqual(b.Dilations) && a.PadBegin.AsSpan().SequenceEqual(b.PadBegin);

    private static bool IsPointwise(WindowGeometry window)
    {
        for (int i = 0; i < window.Rank; i++)
        {
            if (window.Kernel[i] != 1 || window.Strides[i] != 1 || window.PadBegin[i] != 0 || window.PadEnd[i] != 0)
                return false;
        }
        return true;
    }
}
