using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Onyx.Runtime.Compute;

/// <summary>
/// The 2-D depthwise convolution (each channel convolved with its own kernel) of float planes, computed directly:
/// per output row, every kernel tap that lands inside the input is listed once, and the output positions where all
/// taps are inside are summed a vector at a time (starting from the bias) and stored once; the positions near the
/// left and right edges are summed tap by tap. With a horizontal stride s, each input row is first split into its s
/// phases (elements i ≡ p mod s), so every tap reads a contiguous run.
/// </summary>
internal static class DepthwiseConvolution
{
    /// <summary>The shape of one depthwise convolution: planes of <c>InHeight × InWidth</c> to <c>OutHeight × OutWidth</c>.</summary>
    public readonly record struct Geometry(int InHeight, int InWidth, int KernelHeight, int KernelWidth, int StrideHeight, int StrideWidth,
        int DilationHeight, int DilationWidth, int PadTop, int PadLeft, int OutHeight, int OutWidth)
    {
        /// <summary>The geometry of a 2-D <paramref name="window"/>; null for other ranks or kernels, strides, dilations or pads past 2¹⁶ (or a kernel of more than 2¹⁶ positions).</summary>
        public static Geometry? Of(WindowGeometry window)
        {
            if (window.Rank != 2 || window.Kernel[0] * window.Kernel[1] > 1 << 16)
                return null;
            foreach (long[] values in (ReadOnlySpan<long[]>)[window.Strides, window.Dilations, window.PadBegin, window.PadEnd])
            {
                if (values[0] > 1 << 16 || values[1] > 1 << 16)
                    return null;
            }
            return new((int)window.Input[0], (int)window.Input[1], (int)window.Kernel[0], (int)window.Kernel[1], (int)window.Strides[0], (int)window.Strides[1],
                (int)window.Dilations[0], (int)window.Dilations[1], (int)window.PadBegin[0], (int)window.PadBegin[1], (int)window.Output[0], (int)window.Output[1]);
        }
    }

    /// <summary>
    /// Convolves each of <paramref name="planes"/> planes of <paramref name="x"/> (image-major, channel c = plane mod
    /// <paramref name="channels"/>) with kernel c of <paramref name="w"/>, adding bias c when <paramref name="bias"/> is not empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Convolve(in Geometry g, int planes, int channels, ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> bias, Span<float> y)
    {
        int kernelSize = g.KernelHeight * g.KernelWidth, inSize = g.InHeight * g.InWidth, outSize = g.OutHeight * g.OutWidth;
        int phaseLength = (g.InWidth + g.StrideWidth - 1) / g.StrideWidth, rowLength = phaseLength * g.StrideWidth;
        int[]? rented = kernelSize > 64 ? ArrayPool<int>.Shared.Rent(3 * kernelSize) : null;
        float[]? rentedWeights = kernelSize > 64 ? ArrayPool<float>.Shared.Rent(kernelSize) : null;
        float[]? phases = g.StrideWidth > 1 ? ArrayPool<float>.Shared.Rent(g.KernelHeight * rowLength) : null;
        try
        {
            Span<int> taps = rented is null ? stackalloc int[3 * 64] : rented;
            Span<float> weights = rentedWeights is null ? stackalloc float[64] : rentedWeights;
            for (int plane = 0; plane < planes; plane++)
            {
                int channel = plane % channels;
                ReadOnlySpan<float> source = x.Slice(plane * inSize, inSize);
                ReadOnlySpan<float> kernel = w.Slice(channel * kernelSize, kernelSize);
                float start = bias.IsEmpty ? 0 : bias[channel];
                for (int oh = 0; oh < g.OutHeight; oh++)
                {
                    int count = ListTaps(g, oh, source, kernel, phases, phaseLength, rowLength, taps, weights);
                    ReadOnlySpan<float> read = phases is null ? source : phases;
                    Row(read, taps.Slice(0, 3 * count), weights.Slice(0, count), start, y.Slice(plane * outSize + oh * g.OutWidth, g.OutWidth));
                }
            }
        }
        finally
        {
            if (rented is not null)
                ArrayPool<int>.Shared.Return(rented);
            if (rentedWeights is not null)
                ArrayPool<float>.Shared.Return(rentedWeights);
            if (phases is not null)
                ArrayPool<float>.Shared.Return(phases);
        }
    }

    /// <summary>
    /// Lists the taps of output row <paramref name="oh"/> that fall on an input row: for tap t, taps[3t] is where output
    /// position 0 would read (in the plane, or in <paramref name="phases"/> when strided: KernelHeight rows of
    /// <paramref name="rowLength"/> = s · <paramref name="phaseLength"/>), [taps[3t+1], taps[3t+2]) the output positions
    /// it reads inside the input, and weights[t] its kernel value (when <paramref name="kernel"/> is not empty).
    /// Returns how many there are. The 2-D pools walk their windows through it too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int ListTaps(in Geometry g, int oh, ReadOnlySpan<float> source, ReadOnlySpan<float> kernel, float[]? phases, int phaseLength, int rowLength,
        Span<int> taps, Span<float> weights)
    {
        int stride = g.StrideWidth, count = 0;
        for (int kh = 0; kh < g.KernelHeight; kh++)
        {
            int ih = oh * g.StrideHeight - g.PadTop + kh * g.DilationHeight;
            if (ih < 0 || ih >= g.InHeight)
                continue;
            ReadOnlySpan<float> row = source.Slice(ih * g.InWidth, g.InWidth);
            int rowStart = ih * g.InWidth;
            if (phases is not null)
            {
                rowStart = kh * rowLength;
                Split(row, stride, phases.AsSpan(rowStart, rowLength), phaseLength);
            }
            for (int kw = 0; kw < g.KernelWidth; kw++)
            {
                // Input column ow·s + offset is element ow + q of phase p, p = offset mod s, q = (offset − p)/s.
                int offset = kw * g.DilationWidth - g.PadLeft;
                int phase = ((offset % stride) + stride) % stride, q = (offset - phase) / stride;
                int length = (g.InWidth - phase + stride - 1) / stride;
                int first = System.Math.Max(0, -q), end = System.Math.Min(g.OutWidth, length - q);
                if (first >= end)
                    continue;
                taps[3 * count] = rowStart + (phases is null ? 0 : phase * phaseLength) + q;
                taps[3 * count + 1] = first;
                taps[3 * count + 2] = end;
                if (!kernel.IsEmpty)
                    weights[count] = kernel[kh * g.KernelWidth + kw];
                count++;
            }
        }
        return count;
    }

    /// <summary>Writes phase p of <paramref name="row"/> (its elements p, p + s, …) at p · <paramref name="phaseLength"/> of <paramref name="split"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Split(ReadOnlySpan<float> row, int stride, Span<float> split, int phaseLength)
    {
        for (int phase = 0; phase < stride; phase++)
        {
            Span<float> target = split.Slice(phase * phaseLength, phaseLength);
            for (int i = phase, j = 0; i < row.Length; i += stride, j++)
                target[j] = row[i];
        }
    }

    /// <summary>One output row: the positions every tap covers a vector at a time, the rest tap by tap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Row(ReadOnlySpan<float> source, ReadOnlySpan<int> taps, ReadOnlySpan<float> weights, float start, Span<float> output)
    {
        int first = 0, end = output.Length;
        for (int t = 0; t < weights.Length; t++)
        {
            first = System.Math.Max(first, taps[3 * t + 1]);
            end = System.Math.Min(end, taps[3 * t + 2]);
        }
        if (first >= end)
        {
            first = end = output.Length;
        }
        for (int ow = 0; ow < first; ow++)
            output[ow] = Edge(source, taps, weights, start, ow);
        ref float read = ref MemoryMarshal.GetReference(source);
        ref float write = ref MemoryMarshal.GetReference(output);
        int o = first;
        if (Vector.IsHardwareAccelerated)
        {
            for (; o <= end - Vector<float>.Count; o += Vector<float>.Count)
            {
                var sum = new Vector<float>(start);
                for (int t = 0; t < weights.Length; t++)
                    sum = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref read, (nuint)(taps[3 * t] + o)), new Vector<float>(weights[t]), sum);
                sum.StoreUnsafe(ref write, (nuint)o);
            }
        }
        for (; o < end; o++)
        {
            float sum = start;
            for (int t = 0; t < weights.Length; t++)
                sum += source[taps[3 * t] + o] * weights[t];
            output[o] = sum;
        }
        for (int ow = end; ow < output.Length; ow++)
            output[ow] = Edge(source, taps, weights, start, ow);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Edge(ReadOnlySpan<float> source, ReadOnlySpan<int> taps, ReadOnlySpan<float> weights, float start, int ow)
    {
        float sum = start;
        for (int t = 0; t < weights.Length; t++)
        {
            if (ow >= taps[3 * t + 1] && ow < taps[3 * t + 2])
                sum += source[taps[3 * t] + ow] * weights[t];
        }
        return sum;
    }
}
