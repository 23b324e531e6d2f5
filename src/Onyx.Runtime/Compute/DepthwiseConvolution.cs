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
/// A 3×3 kernel with stride 1 or 2 and no dilation (on AVX2 with FMA) first copies each plane into a zeroed padded
/// plane, so that every output is computed by 256-bit vectors from three padded rows: the last vector of a row
/// overlaps the one before rather than leaving a tail, and a row narrower than a vector spills onto the next. With
/// stride 2 each input vector pair is split into its even and odd columns in register. (Copying each row just before it was read, or summing the border columns one by
/// one, measured about twice as slow: the copied rows were read back before their stores had left the store buffer.)
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
        long work = planes * outSize * kernelSize;
        int parts = IntraOpThreadPool.Parts(work, MinWorkPerPart, planes, threads);
        fixed (float* x = xs, w = ws, b = bias, output = y)
        {
            var job = new Job(g, planes, channels, x, w, bias.IsEmpty ? null : b, output, min, max, parts, false);
            IntraOpThreadPool.Of(threads).Run(parts, &RunPart, &job);
        }
    }

    /// <summary>Whether the vector 3×3 kernel takes <paramref name="g"/> (else the general path).</summary>
    private static bool Fast3x3(in Geometry g) =>
        Avx2.IsSupported && Fma.IsSupported && g.KernelHeight == 3 && g.KernelWidth == 3 && g.DilationHeight == 1 && g.DilationWidth == 1
        && g.StrideWidth is 1 or 2 && PaddedSize(g) <= MaxPaddedPlane;

    /// <summary>
    /// The 3×3 max pool of each of <paramref name="planes"/> planes of <paramref name="xs"/> by the vector 3×3 kernel
    /// (padding counting as −∞, NaN propagating), when it takes <paramref name="geometry"/>; false (nothing written) when not.
    /// </summary>
    public static bool TryMaxPool3x3(Geometry geometry, int planes, ReadOnlySpan<float> xs, Span<float> y, int threads)
    {
        Geometry g = geometry;
        if (!Fast3x3(g) || xs.Length < planes * (long)g.InHeight * g.InWidth || y.Length < planes * (long)g.OutHeight * g.OutWidth)
            return false;
        int parts = IntraOpThreadPool.Parts(planes * (long)g.OutHeight * g.OutWidth * 9, MinWorkPerPart, planes, threads);
        fixed (float* x = xs, output = y)
        {
            var job = new Job(g, planes, 1, x, null, null, output, float.NegativeInfinity, float.PositiveInfinity, parts, true);
            IntraOpThreadPool.Of(threads).Run(parts, &RunPart, &job);
        }
        return true;
    }

    /// <summary>
    /// The 3×3 window sums of each of <paramref name="planes"/> planes of <paramref name="xs"/> (padding counting as 0,
    /// NaN propagating) by the vector 3×3 kernel with every weight 1, when it takes <paramref name="geometry"/>; false
    /// (nothing written) when not. An average pool divides them by the window counts.
    /// </summary>
    public static bool TrySum3x3(Geometry geometry, int planes, ReadOnlySpan<float> xs, Span<float> y, int threads)
    {
        if (!Fast3x3(geometry))
            return false;
        Convolve(geometry, planes, 1, xs, NineOnes, default, y, float.NegativeInfinity, float.PositiveInfinity, threads);
        return true;
    }

    private static readonly float[] NineOnes = [1, 1, 1, 1, 1, 1, 1, 1, 1];

    private readonly struct Job(Geometry g, int planes, int channels, float* x, float* w, float* bias, float* y, float min, float max, int parts, bool largest)
    {
        public readonly Geometry G = g;
        public readonly int Planes = planes, Channels = channels, Parts = parts;
        public readonly float* X = x, W = w, Bias = bias, Y = y;
        public readonly float Min = min, Max = max;
        public readonly bool Largest = largest;
    }

    // The most floats of the padded copy of a plane (a 3×3 kernel's input is copied there first); larger planes take the general path.
    private const int MaxPaddedPlane = 1 << 20;

    /// <summary>
    /// The padded copy of a plane for the 3×3 kernel: PadTop rows and PadLeft columns of zeros before the input, zeros
    /// after it to the last row and column any output reads, so that every output is computed by vectors.
    /// </summary>
    private static (int Height, int Width) Padded(in Geometry g) =>
        ((int)System.Math.Max(g.PadTop + (long)g.InHeight, (g.OutHeight - 1L) * g.StrideHeight + 3),
         (int)System.Math.Max(g.PadLeft + (long)g.InWidth, (g.OutWidth - 1L) * g.StrideWidth + 3));

    // Floats past the padded plane: a short row's vectors read and its copy writes up to 16 floats past the plane's last row.
    private const int PlaneSlack = 16;

    private static long PaddedSize(in Geometry g)
    {
        (int height, int width) = Padded(g);
        return (long)height * width;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunPart(void* arguments, int part)
    {
        ref readonly Job job = ref *(Job*)arguments;
        int first = (int)((long)job.Planes * part / job.Parts), end = (int)((long)job.Planes * (part + 1) / job.Parts);
        if (!Fast3x3(job.G))
        {
            General(job, first, end);
            return;
        }
        Geometry g = job.G;
        (int height, int width) = Padded(g);
        float[] rented = ArrayPool<float>.Shared.Rent(height * width + PlaneSlack);
        try
        {
            fixed (float* padded = rented)
            {
                // The padding keeps its value (0 for a convolution, −∞ for a max): every plane is copied to the same rows and columns inside it.
                float paddingValue = job.Largest ? float.NegativeInfinity : 0;
                new Span<float>(padded, height * width + PlaneSlack).Fill(paddingValue);
                Vector256<float> padding = Vector256.Create(paddingValue);
                Geometry inside = g with { InHeight = height, InWidth = width, PadTop = 0, PadLeft = 0 };
                for (int plane = first; plane < end; plane++)
                {
                    float* source = job.X + (long)plane * g.InHeight * g.InWidth;
                    for (int row = 0; row < g.InHeight; row++)
                        CopyRow(source + (long)row * g.InWidth, padded + (row + g.PadTop) * width + g.PadLeft, g.InWidth, padding);
                    int channel = plane % job.Channels;
                    float* output = job.Y + (long)plane * g.OutHeight * g.OutWidth, k = job.W is null ? NoWeights : job.W + channel * 9;
                    float bias = job.Bias is null ? 0 : job.Bias[channel];
                    if (job.Largest)
                        Plane<Largest>(inside, padded, output, k, bias, job.Min, job.Max);
                    else
                        Plane<Weighted>(inside, padded, output, k, bias, job.Min, job.Max);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// A row copied a vector at a time, inline (most rows are short, shorter than a call to a general copy takes), its
    /// last partial vector by a masked load filled with <paramref name="padding"/> and stored whole: the lanes past the
    /// row land on padding (the value it holds) or on the next row (copied after it), or on the plane's slack.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRow(float* from, float* to, int length, Vector256<float> padding)
    {
        int i = 0;
        for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
            Vector256.Store(Vector256.Load(from + i), to + i);
        if (i < length)
        {
            Vector256<float> inside = FirstLanes(length - i);
            Vector256.Store(Avx.BlendVariable(padding, Avx.MaskLoad(from + i, inside), inside), to + i);
        }
    }

    /// <summary>A mask of the first <paramref name="count"/> lanes (0 to 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> FirstLanes(int count) =>
        Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(count)).AsSingle();

    // The kernel a max pool passes: its taps ignore the weights.
    private static readonly float* NoWeights = (float*)NativeMemory.AllocZeroed(9, sizeof(float));

    /// <summary>One plane by the vector 3×3 kernel of the plane's stride.</summary>
    private static void Plane<TCombine>(in Geometry g, float* source, float* output, float* k, float bias, float min, float max) where TCombine : ICombine
    {
        if (g.StrideWidth == 1)
            Plane3x3<Adjacent, TCombine>(g, source, output, k, bias, min, max);
        else
            Plane3x3<Strided, TCombine>(g, source, output, k, bias, min, max);
    }

    /// <summary>
    /// One plane of a 3×3 kernel from its padded copy (of geometry <paramref name="g"/>, no padding), every output row a
    /// vector at a time, a last partial vector recomputed as the full vector ending at the row's end. A row narrower
    /// than a vector is stored whole, its last lanes on the next rows (computed after it), masked near the plane's end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Plane3x3<TColumns, TCombine>(in Geometry g, float* source, float* output, float* k, float bias, float min, float max)
        where TColumns : IColumns where TCombine : ICombine
    {
        int count = Vector256<float>.Count, width = g.OutWidth, last = System.Math.Max(width - count, 0);
        Vector256<float> k0 = Vector256.Create(k[0]), k1 = Vector256.Create(k[1]), k2 = Vector256.Create(k[2]);
        Vector256<float> k3 = Vector256.Create(k[3]), k4 = Vector256.Create(k[4]), k5 = Vector256.Create(k[5]);
        Vector256<float> k6 = Vector256.Create(k[6]), k7 = Vector256.Create(k[7]), k8 = Vector256.Create(k[8]);
        Vector256<float> start = TCombine.Start(bias), empty = TCombine.Empty, low = Vector256.Create(min), high = Vector256.Create(max);
        for (int oh = 0; oh < g.OutHeight; oh++)
        {
            float* a = source + (long)oh * g.StrideHeight * g.InWidth, b = a + g.InWidth, c = b + g.InWidth;
            float* row = output + (long)oh * width;
            for (int ow = 0; ; ow += count)
            {
                ow = System.Math.Min(ow, last);
                Vector256<float> s0 = TCombine.Tap(TColumns.Tap0(a, ow), k0, start);
                Vector256<float> s1 = TCombine.Tap(TColumns.Tap0(b, ow), k3, empty);
                Vector256<float> s2 = TCombine.Tap(TColumns.Tap0(c, ow), k6, empty);
                s0 = TCombine.Tap(TColumns.Tap1(a, ow), k1, s0);
                s1 = TCombine.Tap(TColumns.Tap1(b, ow), k4, s1);
                s2 = TCombine.Tap(TColumns.Tap1(c, ow), k7, s2);
                s0 = TCombine.Tap(TColumns.Tap2(a, ow), k2, s0);
                s1 = TCombine.Tap(TColumns.Tap2(b, ow), k5, s1);
                s2 = TCombine.Tap(TColumns.Tap2(c, ow), k8, s2);
                Vector256<float> sum = TCombine.Finish(TColumns.InOrder(TCombine.Merge(TCombine.Merge(s0, s1), s2)), low, high);
                if (width < count && (g.OutHeight - oh) * width < count)
                    Avx.MaskStore(row, FirstLanes(width), sum);
                else
                    Vector256.Store(sum, row + ow);
                if (ow == last)
                    break;
            }
        }
    }

    /// <summary>How <see cref="Plane3x3"/> folds a window's taps into an output.</summary>
    private interface ICombine
    {
        /// <summary>What the first row's taps start from, given the bias.</summary>
        static abstract Vector256<float> Start(float bias);

        /// <summary>What the other rows' taps start from.</summary>
        static abstract Vector256<float> Empty { get; }

        /// <summary>Folds input <paramref name="x"/> at weight <paramref name="k"/> into <paramref name="sum"/>.</summary>
        static abstract Vector256<float> Tap(Vector256<float> x, Vector256<float> k, Vector256<float> sum);

        static abstract Vector256<float> Merge(Vector256<float> a, Vector256<float> b);

        static abstract Vector256<float> Finish(Vector256<float> value, Vector256<float> min, Vector256<float> max);
    }

    /// <summary>The convolution: bias + Σ x·k, clamped.</summary>
    private readonly struct Weighted : ICombine
    {
        public static Vector256<float> Start(float bias) => Vector256.Create(bias);

        public static Vector256<float> Empty => Vector256<float>.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Tap(Vector256<float> x, Vector256<float> k, Vector256<float> sum) => Fma.MultiplyAdd(x, k, sum);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Merge(Vector256<float> a, Vector256<float> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Finish(Vector256<float> value, Vector256<float> min, Vector256<float> max) => SgemmLanes256.Clamp(value, min, max);
    }

    /// <summary>The max pool: the largest input of the window (the weights and bounds unused), NaN propagating.</summary>
    private readonly struct Largest : ICombine
    {
        public static Vector256<float> Start(float bias) => Vector256.Create(float.NegativeInfinity);

        public static Vector256<float> Empty => Vector256.Create(float.NegativeInfinity);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Tap(Vector256<float> x, Vector256<float> k, Vector256<float> sum) => SgemmLanes256.Max(x, sum);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Merge(Vector256<float> a, Vector256<float> b) => SgemmLanes256.Max(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Finish(Vector256<float> value, Vector256<float> min, Vector256<float> max) => value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Clamp(float value, float min, float max) => value < min ? min : value > max ? max : value;

    /// <summary>
    /// How <see cref="Plane3x3"/> reads the input columns of its outputs: tap kw of outputs ow, ow + 1, … of a padded
    /// row, in the reader's own lane order, which <see cref="InOrder"/> puts back in column order.
    /// </summary>
    private interface IColumns
    {
        static abstract Vector256<float> Tap0(float* row, int ow);

        static abstract Vector256<float> Tap1(float* row, int ow);

        static abstract Vector256<float> Tap2(float* row, int ow);

        static abstract Vector256<float> InOrder(Vector256<float> value);
    }

    /// <summary>Stride 1: tap kw of outputs ow, ow + 1, … is the vector at ow + kw.</summary>
    private readonly struct Adjacent : IColumns
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Tap0(float* row, int ow) => Vector256.Load(row + ow);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Tap1(float* row, int ow) => Vector256.Load(row + ow + 1);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Tap2(float* row, int ow) => Vector256.Load(row + ow + 2);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> InOrder(Vector256<float> value) => value;
    }

    /// <summary>
    /// Stride 2: columns 2·ow + kw are the even columns of the 16 at 2·ow (kw = 0), their odd columns (kw = 1) and the
    /// odd columns of the 16 one further (kw = 2), split by <see cref="EvenOddLanes"/>; the sum is put in order once.
    /// </summary>
    private readonly struct Strided : IColumns
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Tap0(float* row, int ow) => EvenOddLanes.Evens(row + 2 * ow);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Tap1(float* row, int ow) => EvenOddLanes.Odds(row + 2 * ow);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Tap2(float* row, int ow) => EvenOddLanes.Odds(row + 2 * ow + 1);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> InOrder(Vector256<float> value) => EvenOddLanes.InOrder(value);
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
