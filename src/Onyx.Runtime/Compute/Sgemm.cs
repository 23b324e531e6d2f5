using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Onyx.Runtime.Compute;

/// <summary>The instruction sets <see cref="Sgemm"/> has micro-kernel lanes for.</summary>
internal enum SgemmIsa
{
    Vector128,
    Avx2,
    Vector512,
}

/// <summary>
/// Single-precision GEMM on row-major matrices: C = alpha·op(A)·op(B) + beta·C, op(A) m×k and op(B) k×n, where op
/// transposes when asked (the packing reads the stored layout, so no transposed copy is made). Beta 0 overwrites C
/// without reading it. Blocked GotoBLAS-style: for each NC-column block of B and KC-deep slice, B is packed into
/// panels of 2·lanes columns; for each MC-row block of A, A (scaled by alpha) is packed into panels of
/// <see cref="SgemmKernel.Rows"/> rows; the micro-kernel then sweeps panel pairs. Pack buffers come from
/// <see cref="ArrayPool{T}"/>, so a warm call allocates nothing.
/// </summary>
internal static unsafe class Sgemm
{
    // KC = 256: a packed B panel (256 × 16 floats = 16 KiB with AVX2, 32 KiB with AVX-512) stays in L1 (32 KiB on
    // Zen 3, 48 KiB on Zen 5) while the A panels stream past it. MC = 240: the packed A block (240 × 256 floats =
    // 240 KiB) sits in L2 (512 KiB+). NC = 3072: the packed B block (3 MiB) sits in L3. On Zen 3 (AVX2), KC 192-512
    // and MC 96-480 measured within noise (±5%) of these at 512³, 1024³ and 2048³.
    private const int KC = 256;
    private const int MC = 240;
    private const int NC = 3072;
    internal const int MaxNr = 32;
    private const int Alignment = 64;

    /// <summary>The fastest instruction set this machine runs, chosen once.</summary>
    public static SgemmIsa Best { get; } =
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? SgemmIsa.Vector512
        : Avx2.IsSupported && Fma.IsSupported ? SgemmIsa.Avx2
        : SgemmIsa.Vector128;

    /// <summary>Whether <paramref name="isa"/> runs in hardware here (the others still compute, in software).</summary>
    public static bool IsAccelerated(SgemmIsa isa) => isa switch
    {
        SgemmIsa.Vector512 => Best == SgemmIsa.Vector512,
        SgemmIsa.Avx2 => Avx2.IsSupported && Fma.IsSupported,
        _ => Vector128.IsHardwareAccelerated,
    };

    /// <summary>
    /// C = alpha·op(A)·op(B) + beta·C on up to <paramref name="threads"/> threads of <see cref="IntraOpThreadPool"/>
    /// (products too small to gain from threads run on the caller's).
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc, int threads = 1) =>
        Multiply(Best, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, threads);

    /// <summary><see cref="Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int, int)"/> with the micro-kernel of <paramref name="isa"/>.</summary>
    internal static void Multiply(SgemmIsa isa, bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (m == 0 || n == 0)
            return;
        CheckMatrix(c.Length, m, n, ldc, nameof(c));
        if (k == 0)
        {
            Scale(c, m, n, ldc, beta);
            return;
        }
        CheckMatrix(a.Length, transA ? k : m, transA ? m : k, lda, nameof(a));
        CheckMatrix(b.Length, transB ? n : k, transB ? k : n, ldb, nameof(b));
        fixed (float* aPointer = a, bPointer = b, cPointer = c)
        {
            var job = new Job(new Operands(transA, transB, aPointer, lda, bPointer, ldb, cPointer, ldc, alpha, beta), isa, m, n, k,
                Parts(m, n, k, threads));
            IntraOpThreadPool.Of(threads).Run(job.Parts, &RunPart, &job);
        }
    }

    // Below about 2^18 multiply-adds (tens of microseconds) waking a thread costs more than it saves.
    private const long MinWorkPerThread = 1L << 18;

    private static int Parts(int m, int n, int k, int threads)
    {
        long work = (long)m * n * k;
        return (int)System.Math.Clamp(work / MinWorkPerThread, 1, System.Math.Max(1, threads));
    }

    /// <summary>
    /// One product split into <see cref="Parts"/> parts along the longer side of C: column ranges (each packs its
    /// own columns of B) or row ranges (each packs its own rows of A), in whole micro-kernel tiles.
    /// </summary>
    private readonly struct Job(Operands x, SgemmIsa isa, int m, int n, int k, int parts)
    {
        public readonly Operands X = x;
        public readonly SgemmIsa Isa = isa;
        public readonly int M = m, N = n, K = k, Parts = parts;
        public readonly bool ByColumns = n >= m;
    }

    private static void RunPart(void* arguments, int part)
    {
        ref readonly Job job = ref *(Job*)arguments;
        Operands x = job.X;
        int m = job.M, n = job.N;
        if (job.Parts > 1)
        {
            int length = job.ByColumns ? n : m;
            int step = RoundUp((length + job.Parts - 1) / job.Parts, job.ByColumns ? MaxNr : SgemmKernel.Rows);
            int start = System.Math.Min(length, part * step), count = System.Math.Min(length, start + step) - start;
            if (count == 0)
                return;
            x = job.ByColumns ? x.Columns(start) : x.Rows(start);
            if (job.ByColumns)
                n = count;
            else
                m = count;
        }
        switch (job.Isa)
        {
            case SgemmIsa.Vector512: Multiply<SgemmLanes512, Vector512<float>>(x, m, n, job.K); break;
            case SgemmIsa.Avx2: Multiply<SgemmLanes256, Vector256<float>>(x, m, n, job.K); break;
            default: Multiply<SgemmLanes128, Vector128<float>>(x, m, n, job.K); break;
        }
    }

    internal readonly struct Operands(bool transA, bool transB, float* a, int lda, float* b, int ldb, float* c, int ldc, float alpha, float beta)
    {
        public readonly bool TransA = transA, TransB = transB;
        public readonly float* A = a, B = b, C = c;
        public readonly int Lda = lda, Ldb = ldb, Ldc = ldc;
        public readonly float Alpha = alpha, Beta = beta;

        /// <summary>The same product restricted to the columns of op(B) and C from <paramref name="first"/> on.</summary>
        public Operands Columns(int first) =>
            new(TransA, TransB, A, Lda, B + (TransB ? (long)first * Ldb : first), Ldb, C + first, Ldc, Alpha, Beta);

        /// <summary>The same product restricted to the rows of op(A) and C from <paramref name="first"/> on.</summary>
        public Operands Rows(int first) =>
            new(TransA, TransB, A + (TransA ? first : (long)first * Lda), Lda, B, Ldb, C + (long)first * Ldc, Ldc, Alpha, Beta);
    }

    private static void CheckMatrix(int length, int rows, int columns, int leading, string name)
    {
        if (leading < columns || (long)(rows - 1) * leading + columns > length)
            throw new ArgumentException($"a {rows}×{columns} matrix with leading dimension {leading} does not fit {length} elements", name);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Multiply<TLanes, TVector>(Operands x, int m, int n, int k)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        if (m == 1)
        {
            SgemmRow.Multiply<TLanes, TVector>(x, n, k);
            return;
        }
        const int mr = SgemmKernel.Rows;
        int nr = 2 * TLanes.Count;
        int kcMax = System.Math.Min(k, KC);
        int mcMax = RoundUp(System.Math.Min(m, MC), mr), ncMax = RoundUp(System.Math.Min(n, NC), nr);
        float[] packA = ArrayPool<float>.Shared.Rent(mcMax * kcMax + Alignment / sizeof(float));
        float[] packB = ArrayPool<float>.Shared.Rent(kcMax * ncMax + Alignment / sizeof(float));
        float* edge = stackalloc float[mr * MaxNr];
        fixed (float* packAStart = packA, packBStart = packB)
        {
            float* pa = Align(packAStart), pb = Align(packBStart);
            for (int jc = 0; jc < n; jc += NC)
            {
                int nc = System.Math.Min(NC, n - jc);
                for (int pc = 0; pc < k; pc += KC)
                {
                    int kc = System.Math.Min(KC, k - pc);
                    float beta = pc == 0 ? x.Beta : 1;
                    PackPanels<TLanes, TVector>(x.B + (x.TransB ? (long)jc * x.Ldb + pc : (long)pc * x.Ldb + jc),
                        x.TransB ? x.Ldb : 1, x.TransB ? 1 : x.Ldb, nc, kc, nr, 1, pb);
                    for (int ic = 0; ic < m; ic += MC)
                    {
                        int mc = System.Math.Min(MC, m - ic);
                        PackPanels<TLanes, TVector>(x.A + (x.TransA ? (long)pc * x.Lda + ic : (long)ic * x.Lda + pc),
                            x.TransA ? 1 : x.Lda, x.TransA ? x.Lda : 1, mc, kc, mr, x.Alpha, pa);
                        for (int jr = 0; jr < nc; jr += nr)
                        {
                            int columns = System.Math.Min(nr, nc - jr);
                            for (int ir = 0; ir < mc; ir += mr)
                            {
                                int rows = System.Math.Min(mr, mc - ir);
                                float* cTile = x.C + (long)(ic + ir) * x.Ldc + jc + jr;
                                if (rows == mr && columns == nr)
                                {
                                    SgemmKernel.Tile<TLanes, TVector>(kc, pa + ir * kc, pb + jr * kc, cTile, x.Ldc, beta);
                                }
                                else
                                {
                                    SgemmKernel.Tile<TLanes, TVector>(kc, pa + ir * kc, pb + jr * kc, edge, nr, 0);
                                    MergeEdge(edge, nr, cTile, x.Ldc, rows, columns, beta);
                                }
                            }
                        }
                    }
                }
            }
        }
        ArrayPool<float>.Shared.Return(packA);
        ArrayPool<float>.Shared.Return(packB);
    }

    /// <summary>
    /// Packs count×kc elements, element (i, p) at source[i·strideI + p·strideP] times scale, as panels of width
    /// rows i, each stored p by p (width floats per step); rows past count are zero. Packs A (i = row of op(A),
    /// p = its column) and B (i = column of op(B), p = its row) alike.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackPanels<TLanes, TVector>(float* source, long strideI, long strideP, int count, int kc, int width, float scale, float* destination)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        int lanes = TLanes.Count;
        for (int i0 = 0; i0 < count; i0 += width, destination += width * kc)
        {
            int rows = System.Math.Min(width, count - i0);
            float* panel = source + i0 * strideI, to = destination;
            if (strideI == 1 && rows == width && width == 2 * lanes && scale == 1)
            {
                for (int p = 0; p < kc; p++, to += width)
                {
                    float* from = panel + p * strideP;
                    TLanes.Store(to, TLanes.Load(from));
                    TLanes.Store(to + lanes, TLanes.Load(from + lanes));
                }
                continue;
            }
            for (int p = 0; p < kc; p++, to += width)
            {
                float* from = panel + p * strideP;
                for (int i = 0; i < rows; i++)
                    to[i] = scale * from[i * strideI];
                for (int i = rows; i < width; i++)
                    to[i] = 0;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MergeEdge(float* tile, int nr, float* c, int ldc, int rows, int columns, float beta)
    {
        for (int i = 0; i < rows; i++)
        {
            float* from = tile + i * nr, to = c + (long)i * ldc;
            for (int j = 0; j < columns; j++)
                to[j] = beta == 0 ? from[j] : MathF.FusedMultiplyAdd(to[j], beta, from[j]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scale(Span<float> c, int m, int n, int ldc, float beta)
    {
        for (int i = 0; i < m; i++)
        {
            Span<float> row = c.Slice(i * ldc, n);
            if (beta == 0)
            {
                row.Clear();
            }
            else
            {
                for (int j = 0; j < row.Length; j++)
                    row[j] *= beta;
            }
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private static float* Align(float* pointer) => (float*)(((nint)pointer + Alignment - 1) & ~(nint)(Alignment - 1));
}
