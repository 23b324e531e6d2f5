using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Onyx.Runtime.Compute;

/// <summary>
/// MaxPool and AveragePool of 2-D float planes, and the global pools of float planes. A windowed pool walks each
/// output row's taps as <see cref="DepthwiseConvolution.ListTaps"/> lists them and folds each tap's contiguous run
/// into the row with one vectorised max or sum. The max propagates NaN (as numpy's maximum does); the average
/// divides by the window positions inside the input, or inside the padded input with count_include_pad.
/// </summary>
internal static class FloatPooling
{
    /// <summary>
    /// Pools each of <paramref name="planes"/> planes of <paramref name="x"/> into <paramref name="y"/>: the max, or the
    /// average when <paramref name="average"/>. <paramref name="padBottom"/> and <paramref name="padRight"/> bound the
    /// padded input for the count_include_pad divisor.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pool(in DepthwiseConvolution.Geometry g, int padBottom, int padRight, bool average, bool countIncludePad, int planes,
        ReadOnlySpan<float> x, Span<float> y)
    {
        int kernelSize = g.KernelHeight * g.KernelWidth, inSize = g.InHeight * g.InWidth, outSize = g.OutHeight * g.OutWidth;
        int phaseLength = (g.InWidth + g.StrideWidth - 1) / g.StrideWidth, rowLength = phaseLength * g.StrideWidth;
        int[] taps = ArrayPool<int>.Shared.Rent(3 * kernelSize);
        float[]? phases = g.StrideWidth > 1 ? ArrayPool<float>.Shared.Rent(g.KernelHeight * rowLength) : null;
        try
        {
            for (int plane = 0; plane < planes; plane++)
            {
                ReadOnlySpan<float> source = x.Slice(plane * inSize, inSize);
                ReadOnlySpan<float> read = phases is null ? source : phases;
                for (int oh = 0; oh < g.OutHeight; oh++)
                {
                    Span<float> row = y.Slice(plane * outSize + oh * g.OutWidth, g.OutWidth);
                    row.Fill(average ? 0 : float.NegativeInfinity);
                    int count = DepthwiseConvolution.ListTaps(g, oh, source, default, phases, phaseLength, rowLength, taps, default);
                    for (int t = 0; t < count; t++)
                    {
                        int first = taps[3 * t + 1], length = taps[3 * t + 2] - first;
                        ReadOnlySpan<float> run = read.Slice(taps[3 * t] + first, length);
                        Span<float> target = row.Slice(first, length);
                        if (average)
                            TensorPrimitives.Add(target, run, target);
                        else
                            TensorPrimitives.Max(target, run, target);
                    }
                    if (average)
                        Divide(g, oh, countIncludePad ? padBottom : 0, countIncludePad ? padRight : 0, countIncludePad, row);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(taps);
            if (phases is not null)
                ArrayPool<float>.Shared.Return(phases);
        }
    }

    /// <summary>The max of each plane of <paramref name="size"/> elements (−∞ for empty planes), NaN propagating.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GlobalMax(ReadOnlySpan<float> x, int size, Span<float> y)
    {
        for (int plane = 0; plane < y.Length; plane++)
            y[plane] = size == 0 ? float.NegativeInfinity : TensorPrimitives.Max(x.Slice(plane * size, size));
    }

    /// <summary>The mean of each plane of <paramref name="size"/> elements (NaN for empty planes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GlobalAverage(ReadOnlySpan<float> x, int size, Span<float> y)
    {
        for (int plane = 0; plane < y.Length; plane++)
            y[plane] = TensorPrimitives.Sum(x.Slice(plane * size, size)) / size;
    }

    /// <summary>Divides each sum of output row <paramref name="oh"/> by its window's count: rows inside times columns inside.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Divide(in DepthwiseConvolution.Geometry g, int oh, int padBottom, int padRight, bool padded, Span<float> row)
    {
        int rows = Inside(oh * g.StrideHeight - g.PadTop, g.KernelHeight, g.DilationHeight, padded ? -g.PadTop : 0, g.InHeight + padBottom);
        for (int ow = 0; ow < row.Length; ow++)
        {
            int columns = Inside(ow * g.StrideWidth - g.PadLeft, g.KernelWidth, g.DilationWidth, padded ? -g.PadLeft : 0, g.InWidth + padRight);
            row[ow] /= rows * columns;
        }
    }

    /// <summary>How many of the <paramref name="kernel"/> positions start + k·dilation lie in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Inside(int start, int kernel, int dilation, int low, int high)
    {
        int count = 0;
        for (int k = 0; k < kernel; k++)
        {
            int at = start + k * dilation;
            if (at >= low && at < high)
                count++;
        }
        return count;
    }
}
