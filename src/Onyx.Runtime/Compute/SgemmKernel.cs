using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Onyx.Runtime.Compute;

/// <summary>The vector operations the SGEMM micro-kernel needs, implemented once per instruction set.</summary>
internal unsafe interface ISgemmLanes<TVector> where TVector : unmanaged
{
    /// <summary>Floats per vector.</summary>
    static abstract int Count { get; }

    static abstract TVector Load(float* source);

    static abstract TVector Broadcast(float value);

    /// <summary>*source in every lane, read by the broadcast itself (one load, no shuffle).</summary>
    static abstract TVector BroadcastFrom(float* source);

    /// <summary>a·b + addend, fused where the hardware allows.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector addend);

    static abstract void Store(float* destination, TVector value);

    static abstract TVector Add(TVector a, TVector b);

    /// <summary>min(max(value, min), max), NaN staying NaN (the native min/max return their second operand when one is NaN).</summary>
    static abstract TVector Clamp(TVector value, TVector min, TVector max);

    /// <summary>The larger of each pair of lanes, NaN where either is NaN.</summary>
    static abstract TVector Max(TVector a, TVector b);

    /// <summary>Lane i = source[offsets[i]], or 0 where offsets[i] is negative (a convolution's padding).</summary>
    static abstract TVector GatherOrZero(float* source, int* offsets);

    /// <summary>Lane i = source[i] where bit i of <paramref name="lanes"/> is set, else 0; the other lanes' memory is not read.</summary>
    static abstract TVector LoadOrZero(float* source, uint lanes);
}

/// <summary><see cref="ISgemmLanes{TVector}.GatherOrZero"/> and <see cref="ISgemmLanes{TVector}.LoadOrZero"/> element by element, where the hardware has no gather or masked load.</summary>
internal static unsafe class SoftwareLanes
{
    public static void GatherOrZero(float* source, int* offsets, float* destination, int count)
    {
        for (int i = 0; i < count; i++)
            destination[i] = offsets[i] >= 0 ? source[offsets[i]] : 0;
    }

    /// <summary><see cref="ISgemmLanes{TVector}.LoadOrZero"/> element by element.</summary>
    public static TVector LoadOrZero<TLanes, TVector>(float* source, uint lanes)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        float* values = stackalloc float[TLanes.Count];
        for (int i = 0; i < TLanes.Count; i++)
            values[i] = (lanes >> i & 1) != 0 ? source[i] : 0;
        return TLanes.Load(values);
    }

    /// <summary>One vector of <typeparamref name="TLanes"/> gathered element by element.</summary>
    public static TVector GatherOrZero<TLanes, TVector>(float* source, int* offsets)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        float* lanes = stackalloc float[TLanes.Count];
        GatherOrZero(source, offsets, lanes, TLanes.Count);
        return TLanes.Load(lanes);
    }
}

/// <summary>
/// The SGEMM micro-kernel: a <see cref="Rows"/>×(2·lanes) tile of C kept in 12 vector registers while it walks
/// a packed A panel (kc steps of <see cref="Rows"/> floats) and a packed B panel (kc steps of 2·lanes floats).
/// 12 accumulators cover the FMA latency × pipes of current cores (4 cycles × 2 pipes = 8 in flight) and, with
/// two B vectors and one broadcast A value, fit the 16 vector registers of AVX2 and SSE.
/// </summary>
internal static unsafe class SgemmKernel
{
    public const int Rows = 6;

    /// <summary>
    /// C tile (rows <paramref name="ldc"/> floats apart) = product + beta·C tile, then the epilogue when one is given;
    /// beta 0 writes the product without reading C, so garbage there (NaN) does not leak through.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<TLanes, TVector>(int kc, float* a, float* b, float* c, int ldc, float beta, TileEpilogue* epilogue = null)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged =>
        Tile<TLanes, TVector, SixRows, TwoVectors>(kc, a, b, c, ldc, beta, epilogue);

    /// <summary>
    /// The first lanes columns of a tile (one vector of each row): the last columns of a product whose columns leave at
    /// most one vector in the last panel (49 = 3·16 + 1 at 7×7), at half the FMAs of a whole tile.
    /// </summary>
    public static void NarrowTile<TLanes, TVector>(int kc, float* a, float* b, float* c, int ldc, float beta)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged =>
        Tile<TLanes, TVector, SixRows, OneVector>(kc, a, b, c, ldc, beta, null);

    /// <summary>
    /// The first <paramref name="rows"/> (1 to <see cref="Rows"/>) rows of a tile, straight into C: the last rows of a
    /// product whose rows are not a multiple of <see cref="Rows"/> (the A panel's other rows are never read).
    /// </summary>
    public static void TileRows<TLanes, TVector>(int rows, int kc, float* a, float* b, float* c, int ldc, float beta, TileEpilogue* epilogue)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        switch (rows)
        {
            case 1: Tile<TLanes, TVector, OneRow, TwoVectors>(kc, a, b, c, ldc, beta, epilogue); break;
            case 2: Tile<TLanes, TVector, TwoRows, TwoVectors>(kc, a, b, c, ldc, beta, epilogue); break;
            case 3: Tile<TLanes, TVector, ThreeRows, TwoVectors>(kc, a, b, c, ldc, beta, epilogue); break;
            case 4: Tile<TLanes, TVector, FourRows, TwoVectors>(kc, a, b, c, ldc, beta, epilogue); break;
            case 5: Tile<TLanes, TVector, FiveRows, TwoVectors>(kc, a, b, c, ldc, beta, epilogue); break;
            default: Tile<TLanes, TVector, SixRows, TwoVectors>(kc, a, b, c, ldc, beta, epilogue); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TLanes, TVector, TRows, TVectors>(int kc, float* a, float* b, float* c, int ldc, float beta, TileEpilogue* epilogue)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged where TRows : IRowCount where TVectors : IRowCount
    {
        var tile = new TileAccumulators<TLanes, TVector>();
        int width = TLanes.Count, rows = TRows.Count;
        if (Sse.IsSupported)
        {
            // The C tile is rarely in L1 or L2 (a whole block of tiles ran since it was last touched): fetching it
            // while the loop runs measured 20% faster at 1024³ on Zen 3.
            float* residual = epilogue is null ? null : epilogue->Residual;
            for (int i = 0; i < rows; i++)
            {
                Sse.Prefetch0(c + i * ldc);
                Sse.Prefetch0(c + i * ldc + 2 * width - 1);
                if (residual is not null)
                {
                    Sse.Prefetch0(residual + (long)i * epilogue->ResidualStride);
                    Sse.Prefetch0(residual + (long)i * epilogue->ResidualStride + 2 * width - 1);
                }
            }
        }
        // Four steps per iteration: the one-step loop ran ~10% slower on Zen 5 (its loop overhead and branch
        // shared the cycles the 12 FMAs need).
        int p = 0;
        for (; p + 4 <= kc; p += 4, a += 4 * Rows, b += 8 * width)
        {
            tile.Step<TRows, TVectors>(a, b);
            tile.Step<TRows, TVectors>(a + Rows, b + 2 * width);
            tile.Step<TRows, TVectors>(a + 2 * Rows, b + 4 * width);
            tile.Step<TRows, TVectors>(a + 3 * Rows, b + 6 * width);
        }
        for (; p < kc; p++, a += Rows, b += 2 * width)
            tile.Step<TRows, TVectors>(a, b);
        StoreRow<TLanes, TVector, TVectors>(c, tile.C00, tile.C01, beta, epilogue, 0);
        if (rows > 1)
            StoreRow<TLanes, TVector, TVectors>(c + ldc, tile.C10, tile.C11, beta, epilogue, 1);
        if (rows > 2)
            StoreRow<TLanes, TVector, TVectors>(c + 2 * ldc, tile.C20, tile.C21, beta, epilogue, 2);
        if (rows > 3)
            StoreRow<TLanes, TVector, TVectors>(c + 3 * ldc, tile.C30, tile.C31, beta, epilogue, 3);
        if (rows > 4)
            StoreRow<TLanes, TVector, TVectors>(c + 4 * ldc, tile.C40, tile.C41, beta, epilogue, 4);
        if (rows > 5)
            StoreRow<TLanes, TVector, TVectors>(c + 5 * ldc, tile.C50, tile.C51, beta, epilogue, 5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TLanes, TVector, TVectors>(float* c, TVector low, TVector high, float beta, TileEpilogue* epilogue, int row)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged where TVectors : IRowCount
    {
        int lanes = TLanes.Count;
        float* next = c + lanes;
        if (beta != 0)
        {
            TVector scale = TLanes.Broadcast(beta);
            low = TLanes.MultiplyAdd(TLanes.Load(c), scale, low);
            if (TVectors.Count > 1)
                high = TLanes.MultiplyAdd(TLanes.Load(next), scale, high);
        }
        if (epilogue is not null)
        {
            if (epilogue->RowBias is not null)
            {
                TVector bias = TLanes.Broadcast(epilogue->RowBias[row]);
                low = TLanes.Add(low, bias);
                high = TLanes.Add(high, bias);
            }
            if (epilogue->ColumnBias is not null)
            {
                low = TLanes.Add(low, TLanes.Load(epilogue->ColumnBias));
                high = TLanes.Add(high, TLanes.Load(epilogue->ColumnBias + lanes));
            }
            if (epilogue->Residual is not null)
            {
                float* residual = epilogue->Residual + (long)row * epilogue->ResidualStride;
                low = TLanes.Add(low, TLanes.Load(residual));
                high = TLanes.Add(high, TLanes.Load(residual + lanes));
            }
            if (epilogue->Clamps)
            {
                TVector min = TLanes.Broadcast(epilogue->Min), max = TLanes.Broadcast(epilogue->Max);
                low = TLanes.Clamp(low, min, max);
                high = TLanes.Clamp(high, min, max);
            }
        }
        TLanes.Store(c, low);
        if (TVectors.Count > 1)
            TLanes.Store(next, high);
    }
}

/// <summary>The 6×(2·lanes) accumulators of one micro-kernel tile; the JIT keeps them in registers.</summary>
internal unsafe struct TileAccumulators<TLanes, TVector> where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
{
    public TVector C00, C01, C10, C11, C20, C21, C30, C31, C40, C41, C50, C51;

    /// <summary>
    /// One k step: the first <typeparamref name="TRows"/> rows and <typeparamref name="TVectors"/> vectors of the tile
    /// += a (6 floats) ⊗ b (2·lanes floats).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Step<TRows, TVectors>(float* a, float* b) where TRows : IRowCount where TVectors : IRowCount
    {
        TVector b0 = TLanes.Load(b), b1 = TVectors.Count > 1 ? TLanes.Load(b + TLanes.Count) : default;
        Row<TVectors>(ref C00, ref C01, a, b0, b1);
        if (TRows.Count > 1)
            Row<TVectors>(ref C10, ref C11, a + 1, b0, b1);
        if (TRows.Count > 2)
            Row<TVectors>(ref C20, ref C21, a + 2, b0, b1);
        if (TRows.Count > 3)
            Row<TVectors>(ref C30, ref C31, a + 3, b0, b1);
        if (TRows.Count > 4)
            Row<TVectors>(ref C40, ref C41, a + 4, b0, b1);
        if (TRows.Count > 5)
            Row<TVectors>(ref C50, ref C51, a + 5, b0, b1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row<TVectors>(ref TVector low, ref TVector high, float* a, TVector b0, TVector b1) where TVectors : IRowCount
    {
        TVector broadcast = TLanes.BroadcastFrom(a);
        low = TLanes.MultiplyAdd(broadcast, b0, low);
        if (TVectors.Count > 1)
            high = TLanes.MultiplyAdd(broadcast, b1, high);
    }
}

/// <summary>How many rows (or vectors per row) of a tile the micro-kernel computes, as a type, so that each count compiles to its own loop.</summary>
internal interface IRowCount
{
    static abstract int Count { get; }
}

internal readonly struct OneRow : IRowCount { public static int Count => 1; }

internal readonly struct TwoRows : IRowCount { public static int Count => 2; }

internal readonly struct ThreeRows : IRowCount { public static int Count => 3; }

internal readonly struct FourRows : IRowCount { public static int Count => 4; }

internal readonly struct FiveRows : IRowCount { public static int Count => 5; }

internal readonly struct SixRows : IRowCount { public static int Count => SgemmKernel.Rows; }

internal readonly struct OneVector : IRowCount { public static int Count => 1; }

internal readonly struct TwoVectors : IRowCount { public static int Count => 2; }

/// <summary>
/// What <see cref="SgemmKernel.Tile{TLanes, TVector}"/> adds after the product, for one tile: a bias per row (from
/// the tile's first row), a bias per column (from its first column), a residual (from its origin, rows
/// <see cref="ResidualStride"/> apart), then a clamp to [<see cref="Min"/>, <see cref="Max"/>].
/// </summary>
internal unsafe struct TileEpilogue
{
    public float* RowBias, ColumnBias, Residual;
    public int ResidualStride;
    public float Min, Max;
    public bool Clamps;
}
