using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Onyx.Runtime.Compute;

/// <summary>
/// MaxPool and AveragePool of 2-D float planes, and the global pools of float planes, the planes split over the
/// intra-op threads (each plane computed alike whichever thread takes it). A 3×3 max pool of stride 1 or 2 runs on the
/// depthwise convolution's vector kernel (<see cref="DepthwiseConvolution.TryMaxPool3x3"/>); other windowed max pools
/// in two separable passes (columns, then rows); an average pool walks each output row's taps as
/// <see cref="DepthwiseConvolution.ListTaps"/> lists them and folds each tap's contiguous run into the row with one
/// vectorised sum. The max propagates NaN (as numpy's maximum does); the average divides by the window positions
/// inside the input, or inside the padded input with count_include_pad.
/// </summary>
internal static unsafe class FloatPooling
{
    // Below about 2^16 elements read waking a thread costs more than it saves.
    private const long MinWorkPerPart = 1L << 16;

    /// <summary>
    /// Pools each of <paramref name="planes"/> planes of <paramref name="x"/> into <paramref name="y"/>: the max, or the
    /// average when <paramref name="average"/>. <paramref name="padBottom"/> and <paramref name="padRight"/> bound the
    /// padded input for the count_include_pad divisor.
    /// </summary>
    public static void Pool(in DepthwiseConvolution.Geometry g, int padBottom, int padRight, bool average, bool countIncludePad, int planes,
        ReadOnlySpan<float> x, Span<float> y, int threads)
    {
        long inSize = (long)g.InHeight * g.InWidth, outSize = (long)g.OutHeight * g.OutWidth;
        if (planes < 0 || x.Length < planes * inSize || y.Length < planes * outSize)
            throw new ArgumentException("the spans are too short for the planes and geometry");
        if (planes == 0 || outSize == 0 || (!average && DepthwiseConvolution.TryMaxPool3x3(g, planes, x, y, threads)))
            return;
        if (g.OutHeight == 1 && g.OutWidth == 1 && g.PadTop == 0 && g.PadLeft == 0 && g.KernelHeight == g.InHeight && g.KernelWidth == g.InWidth
            && g.DilationHeight == 1 && g.DilationWidth == 1)
        {
            // One window that is the whole plane (a classic CNN's last pool): the global pool.
            Global(x[..(int)(planes * inSize)], (int)inSize, average, y[..planes], threads);
            return;
        }
        if (average && DepthwiseConvolution.TrySum3x3(g, planes, x, y, threads))
        {
            DivideByCounts(g, countIncludePad ? padBottom : 0, countIncludePad ? padRight : 0, countIncludePad, y[..(int)(planes * outSize)]);
            return;
        }
        int parts = Parts(planes, planes * outSize * g.KernelHeight * g.KernelWidth, threads);
        fixed (float* xs = x, ys = y)
        {
            var job = new WindowJob(g, padBottom, padRight, countIncludePad, planes, xs, ys, parts);
            IntraOpThreadPool.Of(threads).Run(parts, average ? &RunAveragePart : &RunMaxPart, &job);
        }
    }

    /// <summary>The max (or mean when <paramref name="average"/>) of each plane of <paramref name="size"/> elements: −∞ (NaN for the mean) for empty planes, NaN propagating.</summary>
    public static void Global(ReadOnlySpan<float> x, int size, bool average, Span<float> y, int threads)
    {
        if (x.Length < (long)y.Length * size)
            throw new ArgumentException("the input is too short for the planes");
        if (y.IsEmpty)
            return;
        int parts = Parts(y.Length, (long)y.Length * size, threads);
        fixed (float* xs = x, ys = y)
        {
            var job = new GlobalJob(xs, ys, size, y.Length, average, parts);
            IntraOpThreadPool.Of(threads).Run(parts, &RunGlobalPart, &job);
        }
    }

    private static int Parts(int planes, long work, int threads) =>
        IntraOpThreadPool.Parts(work, MinWorkPerPart, planes, threads);

    private static (int First, int End) Range(int planes, int parts, int part) =>
        ((int)((long)planes * part / parts), (int)((long)planes * (part + 1) / parts));

    private readonly struct GlobalJob(float* x, float* y, int size, int planes, bool average, int parts)
    {
        public readonly float* X = x, Y = y;
        public readonly int Size = size, Planes = planes, Parts = parts;
        public readonly bool Average = average;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunGlobalPart(void* arguments, int part)
    {
        ref readonly GlobalJob job = ref *(GlobalJob*)arguments;
        (int first, int end) = Range(job.Planes, job.Parts, part);
        for (int plane = first; plane < end; plane++)
        {
            float* values = job.X + (long)plane * job.Size;
            job.Y[plane] = job.Average ? PlaneSum(values, job.Size) / job.Size : PlaneMax(values, job.Size);
        }
    }

    // A global pool's planes are short (7×7 in the classic CNNs): TensorPrimitives' per-call cost would exceed the work.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float PlaneSum(float* values, int length)
    {
        int i = 0;
        float sum = 0;
        if (Vector256.IsHardwareAccelerated && length >= Vector256<float>.Count)
        {
            Vector256<float> sums = Vector256<float>.Zero;
            for (; i + Vector256<float>.Count <= length; i += Vector256<float>.Count)
                sums += Vector256.Load(values + i);
            sum = Vector256.Sum(sums);
        }
        for (; i < length; i++)
            sum += values[i];
        return sum;
    }

    /// <summary>The largest of the values, NaN if any is NaN; −∞ for none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float PlaneMax(float* values, int length)
    {
        int i = 0;
        float max = float.NegativeInfinity;
        if (Vector256.IsHardwareAccelerated && length >= Vector256<float>.Count)
        {
            Vector256<float> maxima = Vector256.Load(values);
            for (i = Vector256<float>.Count; i + Vector256<float>.Count <= length; i += Vector256<float>.Count)
                maxima = Vector256.Max(maxima, Vector256.Load(values + i));
            for (int lane = 0; lane < Vector256<float>.Count; lane++)
                max = MathF.Max(max, maxima[lane]);
        }
        for (; i < length; i++)
            max = MathF.Max(max, values[i]);
        return max;
    }

    private readonly struct WindowJob(in DepthwiseConvolution.Geometry g, int padBottom, int padRight, bool countIncludePad, int planes,
        float* x, float* y, int parts)
    {
        public readonly DepthwiseConvolution.Geometry G = g;
        public readonly int PadBottom = padBottom, PadRight = padRight, Planes = planes, Parts = parts;
        public readonly bool CountIncludePad = countIncludePad;
        public readonly float* X = x, Y = y;
    }

    /// <summary>The average pool of the job's planes, output row by output row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunAveragePart(void* arguments, int part)
    {
        ref readonly WindowJob job = ref *(WindowJob*)arguments;
        DepthwiseConvolution.Geometry g = job.G;
        (int first, int end) = Range(job.Planes, job.Parts, part);
        int kernelSize = g.KernelHeight * g.KernelWidth, inSize = g.InHeight * g.InWidth, outSize = g.OutHeight * g.OutWidth;
        int phaseLength = (g.InWidth + g.StrideWidth - 1) / g.StrideWidth, rowLength = phaseLength * g.StrideWidth;
        int padBottom = job.CountIncludePad ? job.PadBottom : 0, padRight = job.CountIncludePad ? job.PadRight : 0;
        int[] taps = ArrayPool<int>.Shared.Rent(3 * kernelSize);
        float[]? phases = g.StrideWidth > 1 ? ArrayPool<float>.Shared.Rent(g.KernelHeight * rowLength) : null;
        try
        {
            for (int plane = first; plane < end; plane++)
            {
                var source = new ReadOnlySpan<float>(job.X + (long)plane * inSize, inSize);
                ReadOnlySpan<float> read = phases is null ? source : phases;
                for (int oh = 0; oh < g.OutHeight; oh++)
                {
                    var row = new Span<float>(job.Y + (long)plane * outSize + (long)oh * g.OutWidth, g.OutWidth);
                    row.Clear();
                    int count = DepthwiseConvolution.ListTaps(g, oh, source, default, phases, phaseLength, rowLength, taps, default);
                    for (int t = 0; t < count; t++)
                    {
                        int start = taps[3 * t + 1], length = taps[3 * t + 2] - start;
                        ReadOnlySpan<float> run = read.Slice(taps[3 * t] + start, length);
                        Span<float> target = row.Slice(start, length);
                        TensorPrimitives.Add(target, run, target);
                    }
                    Divide(g, oh, padBottom, padRight, job.CountIncludePad, row);
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

    /// <summary>
    /// The max pool of the job's planes in two passes, as the max of a window is the max over its rows of each row's
    /// max: first each input row's max over the kernel's columns at every output column (the row padded with −∞, a
    /// running max over the kernel width, then every stride-th element), then each output row's max over the kernel's
    /// rows of those. Both passes are whole-row vector operations.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunMaxPart(void* arguments, int part)
    {
        ref readonly WindowJob job = ref *(WindowJob*)arguments;
        DepthwiseConvolution.Geometry g = job.G;
        (int first, int end) = Range(job.Planes, job.Parts, part);
        int inSize = g.InHeight * g.InWidth, outSize = g.OutHeight * g.OutWidth;
        int running = (g.OutWidth - 1) * g.StrideWidth + 1, padded = running + (g.KernelWidth - 1) * g.DilationWidth;
        float[] rowBuffer = ArrayPool<float>.Shared.Rent(padded + running);
        float[] rowMax = ArrayPool<float>.Shared.Rent(g.InHeight * g.OutWidth);
        try
        {
            Span<float> row = rowBuffer.AsSpan(0, padded), run = rowBuffer.AsSpan(padded, running);
            // The input row starts at column PadLeft of the padded row (and is cut at its end); the rest stay −∞.
            int inStart = System.Math.Min(g.PadLeft, padded), copied = System.Math.Min(g.InWidth, padded - inStart);
            row.Fill(float.NegativeInfinity);
            for (int plane = first; plane < end; plane++)
            {
                var source = new ReadOnlySpan<float>(job.X + (long)plane * inSize, inSize);
                for (int ih = 0; ih < g.InHeight; ih++)
                {
                    source.Slice(ih * g.InWidth, copied).CopyTo(row.Slice(inStart));
                    row.Slice(0, running).CopyTo(run);
                    for (int kw = 1; kw < g.KernelWidth; kw++)
                        MaxInto(run, row.Slice(kw * g.DilationWidth, running));
                    Span<float> columns = rowMax.AsSpan(ih * g.OutWidth, g.OutWidth);
                    for (int ow = 0; ow < columns.Length; ow++)
                        columns[ow] = run[ow * g.StrideWidth];
                }
                for (int oh = 0; oh < g.OutHeight; oh++)
                {
                    var target = new Span<float>(job.Y + (long)plane * outSize + (long)oh * g.OutWidth, g.OutWidth);
                    target.Fill(float.NegativeInfinity);
                    for (int kh = 0; kh < g.KernelHeight; kh++)
                    {
                        int ih = oh * g.StrideHeight - g.PadTop + kh * g.DilationHeight;
                        if (ih >= 0 && ih < g.InHeight)
                            MaxInto(target, rowMax.AsSpan(ih * g.OutWidth, g.OutWidth));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rowBuffer);
            ArrayPool<float>.Shared.Return(rowMax);
        }
    }

    /// <summary>target = max(target, values) element-wise, NaN propagating (as TensorPrimitives.Max, without its per-call cost on short rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MaxInto(Span<float> target, ReadOnlySpan<float> values)
    {
        fixed (float* to = target, from = values)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i + Vector256<float>.Count <= target.Length; i += Vector256<float>.Count)
                    Vector256.Max(Vector256.Load(to + i), Vector256.Load(from + i)).Store(to + i);
            }
            for (; i < target.Length; i++)
                to[i] = MathF.Max(to[i], from[i]);
        }
    }

    /// <summary>Divides every plane of window sums in <paramref name="y"/> by each output position's window count.</summary>
    private static void DivideByCounts(in DepthwiseConvolution.Geometry g, int padBottom, int padRight, bool padded, Span<float> y)
    {
        int outSize = g.OutHeight * g.OutWidth;
        float[] counts = ArrayPool<float>.Shared.Rent(outSize);
        try
        {
            Span<float> count = counts.AsSpan(0, outSize);
            for (int oh = 0; oh < g.OutHeight; oh++)
                for (int ow = 0; ow < g.OutWidth; ow++)
                    count[oh * g.OutWidth + ow] = WindowCount(g, oh, ow, padBottom, padRight, padded);
            for (int start = 0; start < y.Length; start += outSize)
                TensorPrimitives.Divide(y.Slice(start, outSize), count, y.Slice(start, outSize));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(counts);
        }
    }

    /// <summary>Divides each sum of output row <paramref name="oh"/> by its window's count.</summary>
    private static void Divide(in DepthwiseConvolution.Geometry g, int oh, int padBottom, int padRight, bool padded, Span<float> row)
    {
        for (int ow = 0; ow < row.Length; ow++)
            row[ow] /= WindowCount(g, oh, ow, padBottom, padRight, padded);
    }

    /// <summary>The positions of output (<paramref name="oh"/>, <paramref name="ow"/>)'s window inside the input, or inside the padded input when <paramref name="padded"/>.</summary>
    private static int WindowCount(in DepthwiseConvolution.Geometry g, int oh, int ow, int padBottom, int padRight, bool padded) =>
        Inside(oh * g.StrideHeight - g.PadTop, g.KernelHeight, g.DilationHeight, padded ? -g.PadTop : 0, g.InHeight + padBottom)
        * Inside(ow * g.StrideWidth - g.PadLeft, g.KernelWidth, g.DilationWidth, padded ? -g.PadLeft : 0, g.InWidth + padRight);

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
