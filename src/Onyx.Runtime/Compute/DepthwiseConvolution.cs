using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Onyx.Runtime.Compute;

/// <summary>
/// The 2-D depthwise convolution (each channel convolved with its own kernel) of float planes, computed directly, the
/// planes split over the intra-op threads, each output clamped to [min, max] as it is stored.
/// <para>
/// A 3×3 kernel with stride 1 or 2 and no dilation (on AVX2 with FMA) computes each output row from its three input rows
/// (an all-zero row standing for a row in the padding): the columns whose window lies inside the input a vector at a
/// time, the last vector overlapping the one before rather than leaving a tail, and the few border columns one by
/// one. With stride 2 each input vector pair is split into its even and odd columns in register. A small plane is
/// first copied into a zeroed padded plane, so that it has no border columns.
/// </para>
/// <para>
/// Other geometries go per output row: every kernel tap that lands inside the input is listed once, and the output
/// positions where all taps are inside are summed a vector at a time (starting from the bias); the positions near the
/// left and right edges are summed tap by tap. With a horizontal stride s, each input row is first split into its s
/// phases (elements i ≡ p mod s), so every tap reads a contiguous run.
/// </para>
/// </summary>
internal static unsafe class DepthwiseConvolution
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

    // Below about 2^16 multiply-adds (some microseconds) waking a thread costs more than it saves.
    private const long MinWorkPerPart = 1L << 16;

    // The widest input row the all-zero row stands in for; wider planes take the general path.
    private const int ZeroRowLength = 4096;

    // The most floats of a padded copy of one plane (see RunPart): past this size the copy costs more than the edges it saves.
    private const int MaxPaddedPlane = 2048;

    private static readonly float* ZeroRow = (float*)NativeMemory.AllocZeroed(ZeroRowLength, sizeof(float));

    /// <summary>
    /// Convolves each of <paramref name="planes"/> planes of <paramref name="xs"/> (image-major, channel c = plane mod
    /// <paramref name="channels"/>) with kernel c of <paramref name="ws"/>, adding bias c when <paramref name="bias"/> is not
    /// empty, clamping to [<paramref name="min"/>, <paramref name="max"/>] (infinities for none; NaN stays NaN), on up to
    /// <paramref name="threads"/> threads. The result does not depend on the thread count.
    /// </summary>
    public static void Convolve(Geometry geometry, int planes, int channels, ReadOnlySpan<float> xs, ReadOnlySpan<float> ws, ReadOnlySpan<float> bias,
        Span<float> y, float min, float max, int threads)
    {
        Geometry g = geometry;
        long kernelSize = (long)g.KernelHeight * g.KernelWidth, inSize = (long)g.InHeight * g.InWidth, outSize = (long)g.OutHeight * g.OutWidth;
        if (planes < 0 || channels <= 0 || xs.Length < planes * inSize || ws.Length < channels * kernelSize || y.Length < planes * outSize
            || (!bias.IsEmpty && bias.Length < channels))
        {
            throw new ArgumentException("the spans are too short for the planes and geometry");
        }
        if (planes == 0 || outSize == 0)
            return;
        bool fast = Avx2.IsSupported && Fma.IsSupported && g.KernelHeight == 3 && g.KernelWidth == 3 && g.DilationHeight == 1 && g.DilationWidth == 1
            && g.StrideWidth is 1 or 2 && g.InWidth <= ZeroRowLength;
        long work = planes * outSize * kernelSize;
        int parts = IntraOpThreadPool.Parts(work, MinWorkPerPart, planes, threads);
        fixed (float* x = xs, w = ws, b = bias, output = y)
        {
            var job = new Job(g, planes, channels, x, w, bias.IsEmpty ? null : b, output, min, max, parts, fast);
            IntraOpThreadPool.Of(threads).Run(parts, &RunPart, &job);
        }
    }

    private readonly struct Job(Geometry g, int planes, int channels, float* x, float* w, float* bias, float* y, float min, float max, int parts, bool fast)
    {
        public readonly Geometry G = g;
        public readonly int Planes = planes, Channels = channels, Parts = parts;
        public readonly float* X = x, W = w, Bias = bias, Y = y;
        public readonly float Min = min, Max = max;
        public readonly bool Fast = fast;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunPart(void* arguments, int part)
    {
        ref readonly Job job = ref *(Job*)arguments;
        int first = (int)((long)job.Planes * part / job.Parts), end = (int)((long)job.Planes * (part + 1) / job.Parts);
        if (!job.Fast)
        {
            General(job, first, end);
            return;
        }
        Geometry g = job.G;
        long paddedHeight = System.Math.Max(g.InHeight + g.PadTop, (g.OutHeight - 1L) * g.StrideHeight + 3);
        long paddedWidth = System.Math.Max(g.InWidth + g.PadLeft, (g.OutWidth - 1L) * g.StrideWidth + 3);
        if (paddedHeight * paddedWidth > MaxPaddedPlane)
        {
            for (int plane = first; plane < end; plane++)
                Plane3x3(job, g, job.X + (long)plane * g.InHeight * g.InWidth, plane);
            return;
        }
        // Small enough planes are copied into a zeroed padded plane first, so that every output column is inside it.
        int paddedSize = (int)(paddedHeight * paddedWidth), width = (int)paddedWidth;
        float[] rented = ArrayPool<float>.Shared.Rent(paddedSize);
        try
        {
            fixed (float* padded = rented)
            {
                new Span<float>(padded, paddedSize).Clear();
                Geometry inside = g with { InHeight = (int)paddedHeight, InWidth = width, PadTop = 0, PadLeft = 0 };
                for (int plane = first; plane < end; plane++)
                {
                    float* source = job.X + (long)plane * g.InHeight * g.InWidth;
                    for (int row = 0; row < g.InHeight; row++)
                        new ReadOnlySpan<float>(source + (long)row * g.InWidth, g.InWidth).CopyTo(new Span<float>(padded + (row + g.PadTop) * width + g.PadLeft, g.InWidth));
                    Plane3x3(job, inside, padded, plane);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>Plane <paramref name="plane"/> of the output from <paramref name="source"/>, a plane of geometry <paramref name="g"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Plane3x3(in Job job, in Geometry g, float* source, int plane)
    {
        // The output columns whose three taps all lie inside the row: ow·s − padLeft ≥ 0 and ow·s − padLeft + 2 ≤ width − 1.
        int stride = g.StrideWidth, last = g.InWidth - 3 + g.PadLeft;
        int first = System.Math.Min(g.OutWidth, (g.PadLeft + stride - 1) / stride);
        int end = System.Math.Clamp(last < 0 ? 0 : last / stride + 1, first, g.OutWidth);
        int channel = plane % job.Channels;
        float* output = job.Y + (long)plane * g.OutHeight * g.OutWidth, k = job.W + channel * 9;
        float bias = job.Bias is null ? 0 : job.Bias[channel];
        if (end - first >= Vector256<float>.Count)
            Plane3x3<SgemmLanes256, Split256, Vector256<float>>(g, source, output, k, bias, job.Min, job.Max, first, end);
        else
            Plane3x3<SgemmLanes128, Split128, Vector128<float>>(g, source, output, k, bias, job.Min, job.Max, first, end);
    }

    /// <summary>
    /// One plane of a 3×3 kernel: output columns [<paramref name="first"/>, <paramref name="end"/>) (every window inside the
    /// rows) a vector at a time when there is at least one vector of them, a last partial vector recomputed as the full vector
    /// ending at <paramref name="end"/>; the other columns one by one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Plane3x3<TLanes, TSplit, TVector>(in Geometry g, float* source, float* output, float* k, float bias, float min, float max, int first, int end)
        where TLanes : ISgemmLanes<TVector> where TSplit : IStrideSplit<TVector> where TVector : unmanaged
    {
        int stride = g.StrideWidth, padLeft = g.PadLeft, count = TLanes.Count;
        TVector k0 = TLanes.Broadcast(k[0]), k1 = TLanes.Broadcast(k[1]), k2 = TLanes.Broadcast(k[2]);
        TVector k3 = TLanes.Broadcast(k[3]), k4 = TLanes.Broadcast(k[4]), k5 = TLanes.Broadcast(k[5]);
        TVector k6 = TLanes.Broadcast(k[6]), k7 = TLanes.Broadcast(k[7]), k8 = TLanes.Broadcast(k[8]);
        TVector start = TLanes.Broadcast(bias), low = TLanes.Broadcast(min), high = TLanes.Broadcast(max);
        bool vectors = end - first >= count;
        for (int oh = 0; oh < g.OutHeight; oh++)
        {
            int ih = oh * g.StrideHeight - g.PadTop;
            float* r0 = InputRow(source, g, ih), r1 = InputRow(source, g, ih + 1), r2 = InputRow(source, g, ih + 2);
            float* row = output + (long)oh * g.OutWidth;
            for (int ow = 0; ow < first; ow++)
                row[ow] = Edge3x3(r0, r1, r2, k, bias, min, max, g, ow);
            for (int ow = first; vectors; ow += count)
            {
                if (ow > end - count)
                {
                    if (ow == end)
                        break;
                    ow = end - count;
                }
                TVector sum;
                if (stride == 1)
                {
                    float* a = r0 + ow - padLeft, b = r1 + ow - padLeft, c = r2 + ow - padLeft;
                    TVector s0 = TLanes.MultiplyAdd(TLanes.Load(a), k0, start);
                    TVector s1 = TSplit.Multiply(TLanes.Load(b), k3);
                    TVector s2 = TSplit.Multiply(TLanes.Load(c), k6);
                    s0 = TLanes.MultiplyAdd(TLanes.Load(a + 1), k1, s0);
                    s1 = TLanes.MultiplyAdd(TLanes.Load(b + 1), k4, s1);
                    s2 = TLanes.MultiplyAdd(TLanes.Load(c + 1), k7, s2);
                    s0 = TLanes.MultiplyAdd(TLanes.Load(a + 2), k2, s0);
                    s1 = TLanes.MultiplyAdd(TLanes.Load(b + 2), k5, s1);
                    s2 = TLanes.MultiplyAdd(TLanes.Load(c + 2), k8, s2);
                    sum = TLanes.Add(TLanes.Add(s0, s1), s2);
                }
                else
                {
                    // Columns 2·ow − padLeft + {0, 1, 2}: the even and odd columns of the pair at 2·ow − padLeft, and the odd ones of the pair one further.
                    int at = 2 * ow - padLeft;
                    float* a = r0 + at, b = r1 + at, c = r2 + at;
                    TVector s0 = TLanes.MultiplyAdd(TSplit.Evens(a), k0, start);
                    TVector s1 = TSplit.Multiply(TSplit.Evens(b), k3);
                    TVector s2 = TSplit.Multiply(TSplit.Evens(c), k6);
                    s0 = TLanes.MultiplyAdd(TSplit.Odds(a), k1, s0);
                    s1 = TLanes.MultiplyAdd(TSplit.Odds(b), k4, s1);
                    s2 = TLanes.MultiplyAdd(TSplit.Odds(c), k7, s2);
                    s0 = TLanes.MultiplyAdd(TSplit.Odds(a + 1), k2, s0);
                    s1 = TLanes.MultiplyAdd(TSplit.Odds(b + 1), k5, s1);
                    s2 = TLanes.MultiplyAdd(TSplit.Odds(c + 1), k8, s2);
                    sum = TSplit.InOrder(TLanes.Add(TLanes.Add(s0, s1), s2));
                }
                TLanes.Store(row + ow, TLanes.Clamp(sum, low, high));
            }
            for (int ow = vectors ? end : first; ow < g.OutWidth; ow++)
                row[ow] = Edge3x3(r0, r1, r2, k, bias, min, max, g, ow);
        }
    }

    private static float* InputRow(float* source, in Geometry g, int ih) =>
        ih >= 0 && ih < g.InHeight ? source + (long)ih * g.InWidth : ZeroRow;

    /// <summary>One output of a 3×3 window that may reach past the left or right edge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Edge3x3(float* r0, float* r1, float* r2, float* k, float bias, float min, float max, in Geometry g, int ow)
    {
        int start = ow * g.StrideWidth - g.PadLeft;
        float sum = bias;
        for (int kw = 0; kw < 3; kw++)
        {
            int column = start + kw;
            if (column >= 0 && column < g.InWidth)
                sum += r0[column] * k[kw] + r1[column] * k[3 + kw] + r2[column] * k[6 + kw];
        }
        return Clamp(sum, min, max);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Clamp(float value, float min, float max) => value < min ? min : value > max ? max : value;

    /// <summary>
    /// The vector operations of <see cref="Plane3x3"/> beyond <see cref="ISgemmLanes{TVector}"/>'s; the stride-2 splits may
    /// order the lanes their own way, which <see cref="InOrder"/> undoes.
    /// </summary>
    private interface IStrideSplit<TVector> where TVector : unmanaged
    {
        static abstract TVector Multiply(TVector a, TVector b);

        /// <summary>Elements 0, 2, … of the 2·Count at <paramref name="source"/>, in the split's order.</summary>
        static abstract TVector Evens(float* source);

        /// <summary>Elements 1, 3, … of the 2·Count at <paramref name="source"/>, in the split's order.</summary>
        static abstract TVector Odds(float* source);

        /// <summary>Lanes of <see cref="Evens"/> or <see cref="Odds"/> put back in column order.</summary>
        static abstract TVector InOrder(TVector value);
    }

    private readonly struct Split256 : IStrideSplit<Vector256<float>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Multiply(Vector256<float> a, Vector256<float> b) => a * b;

        // Within each 128-bit half: [a0 a2 b0 b2 | a4 a6 b4 b6], i.e. columns 0 2 8 10 4 6 12 14.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Evens(float* source) => Avx.Shuffle(Vector256.Load(source), Vector256.Load(source + 8), 0b10_00_10_00);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Odds(float* source) => Avx.Shuffle(Vector256.Load(source), Vector256.Load(source + 8), 0b11_01_11_01);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> InOrder(Vector256<float> value) => Avx2.Permute4x64(value.AsDouble(), 0b11_01_10_00).AsSingle();
    }

    private readonly struct Split128 : IStrideSplit<Vector128<float>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Multiply(Vector128<float> a, Vector128<float> b) => a * b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Evens(float* source) => Sse.Shuffle(Vector128.Load(source), Vector128.Load(source + 4), 0b10_00_10_00);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Odds(float* source) => Sse.Shuffle(Vector128.Load(source), Vector128.Load(source + 4), 0b11_01_11_01);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> InOrder(Vector128<float> value) => value;
    }

    /// <summary>Planes [<paramref name="first"/>, <paramref name="end"/>) by the listed taps of each output row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void General(in Job job, int first, int end)
    {
        Geometry g = job.G;
        int kernelSize = g.KernelHeight * g.KernelWidth, inSize = g.InHeight * g.InWidth, outSize = g.OutHeight * g.OutWidth;
        int phaseLength = (g.InWidth + g.StrideWidth - 1) / g.StrideWidth, rowLength = phaseLength * g.StrideWidth;
        int[] taps = ArrayPool<int>.Shared.Rent(3 * kernelSize);
        float[] weights = ArrayPool<float>.Shared.Rent(kernelSize);
        float[]? phases = g.StrideWidth > 1 ? ArrayPool<float>.Shared.Rent(g.KernelHeight * rowLength) : null;
        try
        {
            for (int plane = first; plane < end; plane++)
            {
                int channel = plane % job.Channels;
                var source = new ReadOnlySpan<float>(job.X + (long)plane * inSize, inSize);
                var kernel = new ReadOnlySpan<float>(job.W + (long)channel * kernelSize, kernelSize);
                float start = job.Bias is null ? 0 : job.Bias[channel];
                for (int oh = 0; oh < g.OutHeight; oh++)
                {
                    int count = ListTaps(g, oh, source, kernel, phases, phaseLength, rowLength, taps, weights);
                    ReadOnlySpan<float> read = phases is null ? source : phases;
                    Row(read, taps.AsSpan(0, 3 * count), weights.AsSpan(0, count), start, job.Min, job.Max,
                        new Span<float>(job.Y + (long)plane * outSize + (long)oh * g.OutWidth, g.OutWidth));
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(taps);
            ArrayPool<float>.Shared.Return(weights);
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
    private static void Row(ReadOnlySpan<float> source, ReadOnlySpan<int> taps, ReadOnlySpan<float> weights, float start, float min, float max, Span<float> output)
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
            output[ow] = Edge(source, taps, weights, start, min, max, ow);
        ref float read = ref MemoryMarshal.GetReference(source);
        ref float write = ref MemoryMarshal.GetReference(output);
        int o = first;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<float> low = new(min), high = new(max);
            for (; o <= end - Vector<float>.Count; o += Vector<float>.Count)
            {
                var sum = new Vector<float>(start);
                for (int t = 0; t < weights.Length; t++)
                    sum = Vector.MultiplyAddEstimate(Vector.LoadUnsafe(ref read, (nuint)(taps[3 * t] + o)), new Vector<float>(weights[t]), sum);
                Vector.MinNative(high, Vector.MaxNative(low, sum)).StoreUnsafe(ref write, (nuint)o);
            }
        }
        for (; o < end; o++)
        {
            float sum = start;
            for (int t = 0; t < weights.Length; t++)
                sum += source[taps[3 * t] + o] * weights[t];
            output[o] = Clamp(sum, min, max);
        }
        for (int ow = end; ow < output.Length; ow++)
            output[ow] = Edge(source, taps, weights, start, min, max, ow);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Edge(ReadOnlySpan<float> source, ReadOnlySpan<int> taps, ReadOnlySpan<float> weights, float start, float min, float max, int ow)
    {
        float sum = start;
        for (int t = 0; t < weights.Length; t++)
        {
            if (ow >= taps[3 * t + 1] && ow < taps[3 * t + 2])
                sum += source[taps[3 * t] + ow] * weights[t];
        }
        return Clamp(sum, min, max);
    }
}
