using System.Buffers;
using System.Numerics.Tensors;
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
    // KC ≤ 320: a packed B panel (≤ 320 × 16 floats = 20 KiB with AVX2, 40 KiB with AVX-512) stays in L1 (32 KiB on
    // Zen 3, 48 KiB on Zen 5) while the A panels stream past it; k is cut into slices of equal depth (KDepth), so
    // that no short last slice pays a whole pass over C for a few steps (k = 576, a 3×3 convolution of 64
    // channels: two slices of 288, not 256 + 256 + 64). MC = 240: the packed A block (240 × 320 floats = 300 KiB)
    // sits in L2 (512 KiB+). NC = 3072: the packed B block sits in L3. On Zen 3 (AVX2), KC 192-512 and MC 96-480
    // measured within noise (±5%) at 512³, 1024³ and 2048³.
    private const int KC = 320;
    private const int MC = 240;
    private const int NC = 3072;
    // The tiles are swept a strip of columns at a time, row block by row block within it: 128 KiB of packed B (more
    // columns for a shorter k; at least 128 columns, 160 KiB at the deepest slice), which stays in L2. When one row
    // block covers M, B is packed strip by strip just before the sweep; a deep slice reads 512+ contiguous bytes of
    // each source row (one 64-byte line per row per panel: serial misses), a shallow one goes panel by panel
    // (PanelByPanelDepth). Sweeping rows within the strip writes each row of C in runs of the strip's width, which the
    // prefetchers follow: with K = 16 (MobileNetV2's 1×1 convolutions) and C not in cache, 25% faster than walking
    // down each panel.
    private const int StripColumns = 128;
    // A k-slice of B at most this deep is packed panel by panel (its stores in order), a deeper one row by row (its
    // loads in order). Packing alone, B warm, on Zen 5: 32 × 12544 0.057 ms panel by panel against 0.13 ms row by row,
    // 64 × 3136 0.034 against 0.088, 144 × 3136 even. In whole products (alternating runs) 16–24 rows at k = 16–96
    // ran 4–9% faster, while slices of 256–288 ran 2–8% slower panel by panel (64 × 3136 × 576, 1024³).
    private const int PanelByPanelDepth = 128;
    private const int StripBytes = 128 * 1024;
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
        if (k > 0)
        {
            CheckMatrix(a.Length, transA ? k : m, transA ? m : k, lda, nameof(a));
            CheckMatrix(b.Length, transB ? n : k, transB ? k : n, ldb, nameof(b));
        }
        fixed (float* aPointer = a, bPointer = b, cPointer = c)
            Multiply(isa, SgemmA.Matrix(aPointer, lda, transA), SgemmB.Matrix(bPointer, ldb, transB), m, n, k, alpha, beta, cPointer, ldc, default, threads);
    }

    /// <summary>
    /// C = epilogue(alpha·op(A)·op(B) + beta·C) for operands given as pointers, packed matrices or convolution windows;
    /// the caller has checked that every operand holds its m, n, k. A packed A must have been packed for
    /// <paramref name="isa"/> with alpha 1 in mind (alpha must be 1); a packed B for <paramref name="isa"/>.
    /// </summary>
    internal static void Multiply(SgemmIsa isa, in SgemmA a, in SgemmB b, int m, int n, int k, float alpha, float beta, float* c, int ldc,
        in SgemmEpilogue epilogue, int threads)
    {
        if (m == 0 || n == 0)
            return;
        if (a.Packed is not null && alpha != 1)
            throw new ArgumentException("a packed A multiplies with alpha 1 only", nameof(alpha));
        if (k == 0)
        {
            ScaleAndFinish(c, m, n, ldc, beta, epilogue);
            return;
        }
        int rowParts = m == 1 && a.Data is not null && b.Data is not null && !b.Trans
            ? IntraOpThreadPool.Parts((long)n * k, MinWorkPerPart, SgemmRow.Blocks(k), threads) : 1;
        if (rowParts > 1)
        {
            MultiplyRowByBlocks(isa, a, b, n, k, alpha, beta, c, epilogue, threads, rowParts);
            return;
        }
        // Split along the longer side of C; every part reads all of the other operand, so that one is packed once
        // here, before the parts start, unless it was packed ahead. A one-row product left to this split (B stored
        // n×k, or too small for blocks of B's rows above) is not packed at all (each part streams its columns of B
        // past the row) and gets one part per thread (eight shorter ranges measured up to 25% slower at 1×2304×768).
        bool byColumns = n >= m;
        long units = m == 1 ? threads : byColumns ? (n + MaxNr - 1) / MaxNr : (m + SgemmKernel.Rows - 1) / SgemmKernel.Rows;
        int parts = IntraOpThreadPool.Parts((long)m * n * k, MinWorkPerPart, units, threads);
        bool shareA = parts > 1 && byColumns && a.Packed is null && m > 1, shareB = parts > 1 && !byColumns && b.Packed is null;
        if (!shareA && !shareB)
        {
            var job = new Job(a, b, c, ldc, alpha, beta, epilogue, isa, m, n, k, parts, byColumns);
            IntraOpThreadPool.Of(threads).Run(job.Parts, &RunPart, &job);
            return;
        }
        int width = shareA ? SgemmKernel.Rows : PanelWidth(isa), stride = RoundUp(shareA ? m : n, width);
        float[] shared = ArrayPool<float>.Shared.Rent(stride * k + Alignment / sizeof(float));
        try
        {
            fixed (float* start = shared)
            {
                float* packed = Align(start);
                PackAheadThreaded(isa, shareA, a, b, shareA ? m : n, k, alpha, packed, stride, threads);
                var job = shareA
                    ? new Job(new SgemmA { Packed = packed, PackedStride = stride }, b, c, ldc, 1, beta, epilogue, isa, m, n, k, parts, byColumns)
                    : new Job(a, new SgemmB { Data = b.Data, Ld = b.Ld, Trans = b.Trans, Packed = packed, PackedStride = stride }, c, ldc, alpha, beta, epilogue, isa, m, n, k, parts, byColumns);
                IntraOpThreadPool.Of(threads).Run(job.Parts, &RunPart, &job);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(shared);
        }
    }

    // Below about 2^17 multiply-adds (a few microseconds) waking a thread costs more than it saves.
    private const long MinWorkPerPart = 1L << 17;

    /// <summary>One product split into parts: column ranges or row ranges, in whole micro-kernel tiles.</summary>
    private readonly struct Job(SgemmA a, SgemmB b, float* c, int ldc, float alpha, float beta, SgemmEpilogue epilogue, SgemmIsa isa, int m, int n, int k, int parts, bool byColumns)
    {
        public readonly SgemmA A = a;
        public readonly SgemmB B = b;
        public readonly float* C = c;
        public readonly int Ldc = ldc;
        public readonly float Alpha = alpha, Beta = beta;
        public readonly SgemmEpilogue Epilogue = epilogue;
        public readonly SgemmIsa Isa = isa;
        public readonly int M = m, N = n, K = k, Parts = parts;
        public readonly bool ByColumns = byColumns;
    }

    private static void RunPart(void* arguments, int part)
    {
        ref readonly Job job = ref *(Job*)arguments;
        int row0 = 0, col0 = 0, m = job.M, n = job.N;
        if (job.Parts > 1)
        {
            int length = job.ByColumns ? n : m;
            int step = RoundUp((length + job.Parts - 1) / job.Parts, job.ByColumns ? MaxNr : SgemmKernel.Rows);
            int start = System.Math.Min(length, part * step), count = System.Math.Min(length, start + step) - start;
            if (count == 0)
                return;
            if (job.ByColumns)
                (col0, n) = (start, count);
            else
                (row0, m) = (start, count);
        }
        switch (job.Isa)
        {
            case SgemmIsa.Vector512: Multiply<SgemmLanes512, Vector512<float>>(job, row0, m, col0, n); break;
            case SgemmIsa.Avx2: Multiply<SgemmLanes256, Vector256<float>>(job, row0, m, col0, n); break;
            default: Multiply<SgemmLanes128, Vector128<float>>(job, row0, m, col0, n); break;
        }
    }

    /// <summary>
    /// One row times B stored k×n on more than one thread: B's rows cut into blocks of <see cref="SgemmRow.BlockRows"/>,
    /// each block's product into its own row of scratch (the blocks claimed by the threads, each streaming whole
    /// contiguous blocks of B), then C = beta·C + the blocks' rows in order, and the epilogue. Splitting the columns
    /// instead gave each thread only half of every row of B: GPT-2's decode step at 2 threads took 49–53 ms that way,
    /// 34–37 ms with blocks (`compare`). The blocks do not depend on the thread count, but a single thread sums the rows
    /// in one pass (blocks measured ~10% slower there), so the last bits of a threaded single-row product may differ
    /// from a one-thread one.
    /// </summary>
    private static void MultiplyRowByBlocks(SgemmIsa isa, in SgemmA a, in SgemmB b, int n, int k, float alpha, float beta, float* c,
        in SgemmEpilogue epilogue, int threads, int parts)
    {
        int blocks = SgemmRow.Blocks(k);
        float[] rented = ArrayPool<float>.Shared.Rent(checked(blocks * n));
        try
        {
            fixed (float* scratch = rented)
            {
                var job = new OperandJob(isa, false, a, b, n, k, alpha, scratch, n, parts);
                IntraOpThreadPool.Of(threads).Run(parts, &RunRowBlockPart, &job);
                var row = new Span<float>(c, n);
                var first = new ReadOnlySpan<float>(scratch, n);
                if (beta == 0)
                    first.CopyTo(row);
                else
                    TensorPrimitives.FusedMultiplyAdd(row, beta, first, row);
                for (int block = 1; block < blocks; block++)
                    TensorPrimitives.Add(row, new ReadOnlySpan<float>(scratch + (long)block * n, n), row);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
        if (epilogue.Any)
            FinishEdge(c, n, 1, n, epilogue, 0, 0);
        ApplyRowFunction(epilogue, c, n, 0, 1, 0, n);
    }

    private static void RunRowBlockPart(void* arguments, int part)
    {
        ref readonly OperandJob job = ref *(OperandJob*)arguments;
        int blocks = SgemmRow.Blocks(job.K);
        int first = (int)((long)blocks * part / job.Parts), end = (int)((long)blocks * (part + 1) / job.Parts);
        for (int block = first; block < end; block++)
        {
            int k0 = block * SgemmRow.BlockRows, rows = System.Math.Min(SgemmRow.BlockRows, job.K - k0);
            var operands = new Operands(job.A.Trans, false, job.A.Data + (long)k0 * (job.A.Trans ? job.A.Ld : 1), job.A.Ld,
                job.B.Data + (long)k0 * job.B.Ld, job.B.Ld, job.Destination + (long)block * job.Stride, job.Stride, job.Alpha, 0);
            switch (job.Isa)
            {
                case SgemmIsa.Vector512: SgemmRow.Multiply<SgemmLanes512, Vector512<float>>(operands, job.Count, rows); break;
                case SgemmIsa.Avx2: SgemmRow.Multiply<SgemmLanes256, Vector256<float>>(operands, job.Count, rows); break;
                default: SgemmRow.Multiply<SgemmLanes128, Vector128<float>>(operands, job.Count, rows); break;
            }
        }
    }

    /// <summary>The plain operands of a product, as the one-row case takes them.</summary>
    internal readonly struct Operands(bool transA, bool transB, float* a, int lda, float* b, int ldb, float* c, int ldc, float alpha, float beta)
    {
        public readonly bool TransA = transA, TransB = transB;
        public readonly float* A = a, B = b, C = c;
        public readonly int Lda = lda, Ldb = ldb, Ldc = ldc;
        public readonly float Alpha = alpha, Beta = beta;
    }

    private static void CheckMatrix(int length, int rows, int columns, int leading, string name)
    {
        if (leading < columns || (long)(rows - 1) * leading + columns > length)
            throw new ArgumentException($"a {rows}×{columns} matrix with leading dimension {leading} does not fit {length} elements", name);
    }

    /// <summary>
    /// Rows [row0, row0 + m) by columns [col0, col0 + n) of the job's product. When op(B) is packed per call and one
    /// block of A's rows covers them all, each strip of B is packed just before the micro-kernel sweeps it, so it is
    /// still in L2; with more row blocks, a whole block of B is packed once and reused by each.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Multiply<TLanes, TVector>(in Job job, int row0, int m, int col0, int n)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        int k = job.K, ldc = job.Ldc;
        if (m == 1 && job.A.Data is not null && job.B.Data is not null)
        {
            float* aRow = job.A.Data + (job.A.Trans ? row0 : (long)row0 * job.A.Ld);
            float* bColumns = job.B.Data + (job.B.Trans ? (long)col0 * job.B.Ld : col0);
            float* cRow = job.C + (long)row0 * ldc + col0;
            SgemmRow.Multiply<TLanes, TVector>(new Operands(job.A.Trans, job.B.Trans, aRow, job.A.Ld, bColumns, job.B.Ld, cRow, ldc, job.Alpha, job.Beta), n, k);
            if (job.Epilogue.Any)
                FinishEdge(cRow, ldc, 1, n, job.Epilogue, row0, col0);
            ApplyRowFunction(job.Epilogue, job.C, ldc, row0, 1, col0, n);
            return;
        }
        const int mr = SgemmKernel.Rows;
        int nr = 2 * TLanes.Count;
        int kcMax = KDepth(k);
        int mcMax = RoundUp(System.Math.Min(m, MC), mr), ncMax = RoundUp(System.Math.Min(n, NC), nr);
        bool packA = job.A.Packed is null, blockB = job.B.Packed is null && m > MC, stripB = job.B.Packed is null && !blockB;
        int strip = RoundUp(System.Math.Max(StripColumns, StripBytes / sizeof(float) / kcMax), nr);
        float[]? packAArray = packA ? ArrayPool<float>.Shared.Rent(mcMax * kcMax + Alignment / sizeof(float)) : null;
        float[]? packBArray = blockB || stripB ? ArrayPool<float>.Shared.Rent((blockB ? ncMax : strip) * kcMax + Alignment / sizeof(float)) : null;
        float* edge = stackalloc float[mr * MaxNr];
        TileEpilogue tileEpilogue;
        fixed (float* packAStart = packAArray, packBStart = packBArray)
        {
            float* pa = Align(packAStart), pb = Align(packBStart);
            for (int jc = 0; jc < n; jc += NC)
            {
                int nc = System.Math.Min(NC, n - jc);
                for (int pc = 0; pc < k; pc += kcMax)
                {
                    int kc = System.Math.Min(kcMax, k - pc);
                    float beta = pc == 0 ? job.Beta : 1;
                    bool finish = pc + kc == k && job.Epilogue.Any;
                    if (blockB)
                        PackB<TLanes, TVector>(job.B, col0 + jc, pc, nc, kc, nr, pb);
                    for (int ic = 0; ic < m; ic += MC)
                    {
                        int mc = System.Math.Min(MC, m - ic);
                        float* aBlock = packA ? pa : job.A.Packed + (long)job.A.PackedStride * pc + (long)(row0 + ic) * kc;
                        if (packA)
                            PackA<TLanes, TVector>(job.A, row0 + ic, pc, mc, kc, job.Alpha, pa);
                        for (int js = 0; js < nc; js += strip)
                        {
                            int stripEnd = System.Math.Min(nc, js + strip);
                            if (stripB)
                                PackB<TLanes, TVector>(job.B, col0 + jc + js, pc, stripEnd - js, kc, nr, pb);
                            for (int ir = 0; ir < mc; ir += mr)
                            {
                                int rows = System.Math.Min(mr, mc - ir), row = row0 + ic + ir;
                                for (int jr = js; jr < stripEnd; jr += nr)
                                {
                                    int columns = System.Math.Min(nr, nc - jr), column = col0 + jc + jr;
                                    float* panel = job.B.Packed is not null ? job.B.Packed + (long)job.B.PackedStride * pc + (long)column * kc
                                        : blockB ? pb + jr * kc : pb + (jr - js) * kc;
                                    float* cTile = job.C + (long)row * ldc + column;
                                    if (rows == mr && columns == nr)
                                    {
                                        SgemmKernel.Tile<TLanes, TVector>(kc, aBlock + ir * kc, panel, cTile, ldc, beta,
                                            finish ? job.Epilogue.ForTile(&tileEpilogue, row, column) : null);
                                    }
                                    else if (columns == nr)
                                    {
                                        SgemmKernel.TileRows<TLanes, TVector>(rows, kc, aBlock + ir * kc, panel, cTile, ldc, beta,
                                            finish ? job.Epilogue.ForTile(&tileEpilogue, row, column) : null);
                                    }
                                    else
                                    {
                                        if (columns <= TLanes.Count)
                                            SgemmKernel.NarrowTile<TLanes, TVector>(kc, aBlock + ir * kc, panel, edge, nr, 0);
                                        else
                                            SgemmKernel.Tile<TLanes, TVector>(kc, aBlock + ir * kc, panel, edge, nr, 0);
                                        MergeEdge(edge, nr, cTile, ldc, rows, columns, beta);
                                        if (finish)
                                            FinishEdge(cTile, ldc, rows, columns, job.Epilogue, row, column);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        ApplyRowFunction(job.Epilogue, job.C, ldc, row0, m, col0, n);
        if (packAArray is not null)
            ArrayPool<float>.Shared.Return(packAArray);
        if (packBArray is not null)
            ArrayPool<float>.Shared.Return(packBArray);
    }

    /// <summary>Packs rows [row, row + count) of op(A), columns [pc, pc + kc), times alpha, as panels of <see cref="SgemmKernel.Rows"/> rows (zero past count).</summary>
    private static void PackA<TLanes, TVector>(in SgemmA a, int row, int pc, int count, int kc, float alpha, float* destination)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged =>
        PackPanels<TLanes, TVector>(a.Data + (a.Trans ? (long)pc * a.Ld + row : (long)row * a.Ld + pc),
            a.Trans ? 1 : a.Ld, a.Trans ? a.Ld : 1, count, kc, SgemmKernel.Rows, alpha, destination);

    /// <summary>Packs columns [column, column + count) of op(B), rows [pc, pc + kc), as panels of width columns (zero past count).</summary>
    private static void PackB<TLanes, TVector>(in SgemmB b, int column, int pc, int count, int kc, int width, float* destination)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        if (b.Window.Sources is not null)
        {
            b.Window.Pack<TLanes, TVector>(column, count, pc, kc, width, destination);
            return;
        }
        PackPanels<TLanes, TVector>(b.Data + (b.Trans ? (long)column * b.Ld + pc : (long)pc * b.Ld + column),
            b.Trans ? b.Ld : 1, b.Trans ? 1 : b.Ld, count, kc, width, 1, destination);
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
        int lanes = TLanes.Count, whole = 0;
        if (strideI == 1 && width == 2 * lanes && scale == 1)
        {
            whole = count / width * width;
            if (kc <= PanelByPanelDepth)
            {
                // Panel by panel, each written in order: the kc source rows stay in cache between panels.
                for (int i0 = 0; i0 < whole; i0 += width)
                {
                    float* from = source + i0, to = destination + (long)i0 * kc;
                    for (int p = 0; p < kc; p++, from += strideP, to += width)
                    {
                        TLanes.Store(to, TLanes.Load(from));
                        TLanes.Store(to + lanes, TLanes.Load(from + lanes));
                    }
                }
            }
            else
            {
                // Row by row across all whole panels, so each source row is read contiguously.
                for (int p = 0; p < kc; p++)
                {
                    float* from = source + p * strideP, to = destination + p * width;
                    for (int i0 = 0; i0 < whole; i0 += width, from += width, to += width * kc)
                    {
                        TLanes.Store(to, TLanes.Load(from));
                        TLanes.Store(to + lanes, TLanes.Load(from + lanes));
                    }
                }
            }
        }
        destination += (long)whole * kc;
        for (int i0 = whole; i0 < count; i0 += width, destination += width * kc)
        {
            int rows = System.Math.Min(width, count - i0);
            float* panel = source + i0 * strideI, to = destination;
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

    /// <summary>The depth of each k-slice of a product of inner dimension <paramref name="k"/> (the last may be shorter): the fewest slices of at most <see cref="KC"/>, of equal depth rounded up to 4 steps.</summary>
    private static int KDepth(int k)
    {
        int slices = (k + KC - 1) / KC;
        return System.Math.Min(k, ((k + slices - 1) / slices + 3) & ~3);
    }

    /// <summary>Columns per B panel (and per micro-kernel tile) of <paramref name="isa"/>.</summary>
    public static int PanelWidth(SgemmIsa isa) => isa switch { SgemmIsa.Vector512 => 32, SgemmIsa.Avx2 => 16, _ => 8 };

    /// <summary>
    /// Packs all of op(A) (its <paramref name="count"/> rows, times alpha) when <paramref name="packA"/>, else all of
    /// op(B) (its <paramref name="count"/> columns), ahead of the products that read it: k-slice after k-slice as they
    /// read them, slice pc at destination + stride·pc, in the panels <paramref name="isa"/>'s micro-kernel takes.
    /// </summary>
    internal static void PackAhead(SgemmIsa isa, bool packA, in SgemmA a, in SgemmB b, int count, int k, float alpha, float* destination, int stride) =>
        PackAhead(isa, packA, a, b, 0, count, k, alpha, destination, stride);

    /// <summary>The rows (or columns) [first, first + count) of what <see cref="PackAhead(SgemmIsa, bool, in SgemmA, in SgemmB, int, int, float, float*, int)"/> packs, first a whole panel's multiple.</summary>
    private static void PackAhead(SgemmIsa isa, bool packA, in SgemmA a, in SgemmB b, int first, int count, int k, float alpha, float* destination, int stride)
    {
        switch (isa)
        {
            case SgemmIsa.Vector512: PackAhead<SgemmLanes512, Vector512<float>>(packA, a, b, first, count, k, alpha, destination, stride); break;
            case SgemmIsa.Avx2: PackAhead<SgemmLanes256, Vector256<float>>(packA, a, b, first, count, k, alpha, destination, stride); break;
            default: PackAhead<SgemmLanes128, Vector128<float>>(packA, a, b, first, count, k, alpha, destination, stride); break;
        }
    }

    private static void PackAhead<TLanes, TVector>(bool packA, in SgemmA a, in SgemmB b, int first, int count, int k, float alpha, float* destination, int stride)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        int depth = KDepth(k);
        for (int pc = 0; pc < k; pc += depth)
        {
            int kc = System.Math.Min(depth, k - pc);
            float* slice = destination + (long)stride * pc + (long)first * kc;
            if (packA)
                PackA<TLanes, TVector>(a, first, pc, count, kc, alpha, slice);
            else
                PackB<TLanes, TVector>(b, first, pc, count, kc, 2 * TLanes.Count, slice);
        }
    }

    /// <summary>
    /// <see cref="PackAhead(SgemmIsa, bool, in SgemmA, in SgemmB, int, int, float, float*, int)"/> split into ranges of
    /// whole panels over the threads: every part of the product reads all of it, so it is a serial step otherwise.
    /// </summary>
    private static void PackAheadThreaded(SgemmIsa isa, bool packA, in SgemmA a, in SgemmB b, int count, int k, float alpha, float* destination, int stride, int threads)
    {
        int width = packA ? SgemmKernel.Rows : PanelWidth(isa), panels = (count + width - 1) / width;
        int parts = IntraOpThreadPool.Parts((long)count * k, MinPackPerPart, panels, threads);
        var job = new OperandJob(isa, packA, a, b, count, k, alpha, destination, stride, parts);
        IntraOpThreadPool.Of(threads).Run(parts, &RunPackPart, &job);
    }

    // Below about 2^15 floats packed waking a thread costs more than it saves.
    private const long MinPackPerPart = 1L << 15;

    /// <summary>
    /// The operands of one product and where its parts write: a pack ahead (count rows or columns packed to
    /// destination, slices stride apart) or a single-row product by blocks (count columns, one row of scratch per block
    /// at destination, stride apart).
    /// </summary>
    private readonly struct OperandJob(SgemmIsa isa, bool packA, SgemmA a, SgemmB b, int count, int k, float alpha, float* destination, int stride, int parts)
    {
        public readonly SgemmIsa Isa = isa;
        public readonly bool PackA = packA;
        public readonly SgemmA A = a;
        public readonly SgemmB B = b;
        public readonly int Count = count, K = k, Stride = stride, Parts = parts;
        public readonly float Alpha = alpha;
        public readonly float* Destination = destination;
    }

    private static void RunPackPart(void* arguments, int part)
    {
        ref readonly OperandJob job = ref *(OperandJob*)arguments;
        int width = job.PackA ? SgemmKernel.Rows : PanelWidth(job.Isa), panels = (job.Count + width - 1) / width;
        int first = (int)((long)panels * part / job.Parts) * width, end = System.Math.Min(job.Count, (int)((long)panels * (part + 1) / job.Parts) * width);
        if (first < end)
            PackAhead(job.Isa, job.PackA, job.A, job.B, first, end - first, job.K, job.Alpha, job.Destination, job.Stride);
    }

    /// <summary>The epilogue, element by element, on a rows×columns block of C at (row, column) of the product.</summary>
    private static void FinishEdge(float* c, int ldc, int rows, int columns, in SgemmEpilogue epilogue, int row, int column)
    {
        for (int i = 0; i < rows; i++)
        {
            float* to = c + (long)i * ldc;
            for (int j = 0; j < columns; j++)
                to[j] = epilogue.Apply(to[j], row + i, column + j);
        }
    }

    /// <summary>C = epilogue(beta·C): the product of an empty inner dimension.</summary>
    private static void ScaleAndFinish(float* c, int m, int n, int ldc, float beta, in SgemmEpilogue epilogue)
    {
        for (int i = 0; i < m; i++)
        {
            float* row = c + (long)i * ldc;
            for (int j = 0; j < n; j++)
                row[j] = beta == 0 ? 0 : row[j] * beta;
        }
        if (epilogue.Any)
            FinishEdge(c, ldc, m, n, epilogue, 0, 0);
        ApplyRowFunction(epilogue, c, ldc, 0, m, 0, n);
    }

    /// <summary>The epilogue's row function on rows [row0, row0 + m), columns [col0, col0 + n) of C.</summary>
    private static void ApplyRowFunction(in SgemmEpilogue epilogue, float* c, int ldc, int row0, int m, int col0, int n)
    {
        if (epilogue.RowFunction is null)
            return;
        for (int i = 0; i < m; i++)
            epilogue.RowFunction(epilogue.RowState, c + (long)(row0 + i) * ldc + col0, n);
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private static float* Align(float* pointer) => (float*)(((nint)pointer + Alignment - 1) & ~(nint)(Alignment - 1));
}
