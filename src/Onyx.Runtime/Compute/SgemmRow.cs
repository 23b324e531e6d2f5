using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Onyx.Runtime.Compute;

/// <summary>
/// The one-row case of <see cref="Sgemm"/> (a vector times a matrix, as in a decode step), which packing would only
/// slow down: every element of B is used once, so the product runs at the speed B streams from memory, and both
/// layouts read B once, in address order, eight rows at a time. Measured on one core of the development machine
/// (AMD EPYC, AVX2, shared and noisy; medians of 30 passes over 300 MB of weights, so nothing is cached): a 768×50257
/// B stored k×n streams at 6-9 GB/s (walking down 32-column blocks of B instead: 3-5 GB/s;
/// <see cref="TensorPrimitives.Sum(ReadOnlySpan{float})"/> over the same floats: 5-7 GB/s), stored n×k at 5-6 GB/s
/// (one dot product at a time: 3.5-4.5 GB/s).
/// </summary>
internal static unsafe class SgemmRow
{
    private const int RowsAtOnce = 8;

    /// <summary>The rows of B (stored k×n) whose product with the row one part computes: the unit a one-row product is split into (<see cref="Sgemm"/>).</summary>
    public const int BlockRows = 128;

    /// <summary>How many blocks of <see cref="BlockRows"/> rows k rows make.</summary>
    public static int Blocks(int k) => (k + BlockRows - 1) / BlockRows;

    // The columns of C accumulated together: 128 KiB, which stays in L2 while eight rows of B stream past it.
    private const int ChunkColumns = 32768;

    /// <summary>
    /// C (one row) = alpha·a·op(B) + beta·C; beta 0 overwrites C without reading it. With B stored k×n, each chunk
    /// of C is scaled by beta and then grows by eight rows of B at a time (eight sequential streams; C is read and
    /// written once per eight rows, from cache). With B stored n×k, eight rows of B at a time are each dotted with a.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply<TLanes, TVector>(Sgemm.Operands x, int n, int k)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        if (x.TransB)
            MultiplyByDots<TLanes, TVector>(x, n, k);
        else
            MultiplyByRows<TLanes, TVector>(x, n, k);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyByRows<TLanes, TVector>(in Sgemm.Operands x, int n, int k)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        long aStride = x.TransA ? x.Lda : 1;
        float* factors = stackalloc float[RowsAtOnce];
        for (int j = 0; j < n; j += ChunkColumns)
        {
            int width = System.Math.Min(ChunkColumns, n - j);
            var c = new Span<float>(x.C + j, width);
            if (x.Beta == 0)
                c.Clear();
            else if (x.Beta != 1)
                TensorPrimitives.Multiply(c, x.Beta, c);
            float* b = x.B + j;
            int p = 0;
            for (; p + RowsAtOnce <= k; p += RowsAtOnce, b += RowsAtOnce * (long)x.Ldb)
            {
                for (int i = 0; i < RowsAtOnce; i++)
                    factors[i] = x.Alpha * x.A[(p + i) * aStride];
                AddRows<TLanes, TVector>(x.C + j, width, b, x.Ldb, factors);
            }
            for (; p < k; p++, b += x.Ldb)
                TensorPrimitives.FusedMultiplyAdd(new ReadOnlySpan<float>(b, width), x.Alpha * x.A[p * aStride], c, c);
        }
    }

    /// <summary>c[0..width) += Σ factors[i]·(row i of B), for the <see cref="RowsAtOnce"/> rows from <paramref name="b"/> on, <paramref name="ldb"/> apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRows<TLanes, TVector>(float* c, int width, float* b, long ldb, float* factors)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        float* b0 = b, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb, b4 = b3 + ldb, b5 = b4 + ldb, b6 = b5 + ldb, b7 = b6 + ldb;
        TVector f0 = TLanes.Broadcast(factors[0]), f1 = TLanes.Broadcast(factors[1]), f2 = TLanes.Broadcast(factors[2]);
        TVector f3 = TLanes.Broadcast(factors[3]), f4 = TLanes.Broadcast(factors[4]), f5 = TLanes.Broadcast(factors[5]);
        TVector f6 = TLanes.Broadcast(factors[6]), f7 = TLanes.Broadcast(factors[7]);
        int lanes = TLanes.Count, v = 0;
        for (; v + lanes <= width; v += lanes)
        {
            TVector sum = TLanes.MultiplyAdd(f0, TLanes.Load(b0 + v), TLanes.Load(c + v));
            sum = TLanes.MultiplyAdd(f1, TLanes.Load(b1 + v), sum);
            sum = TLanes.MultiplyAdd(f2, TLanes.Load(b2 + v), sum);
            sum = TLanes.MultiplyAdd(f3, TLanes.Load(b3 + v), sum);
            sum = TLanes.MultiplyAdd(f4, TLanes.Load(b4 + v), sum);
            sum = TLanes.MultiplyAdd(f5, TLanes.Load(b5 + v), sum);
            sum = TLanes.MultiplyAdd(f6, TLanes.Load(b6 + v), sum);
            TLanes.Store(c + v, TLanes.MultiplyAdd(f7, TLanes.Load(b7 + v), sum));
        }
        for (; v < width; v++)
        {
            float sum = c[v];
            for (int i = 0; i < RowsAtOnce; i++)
                sum = MathF.FusedMultiplyAdd(factors[i], b[i * ldb + v], sum);
            c[v] = sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyByDots<TLanes, TVector>(in Sgemm.Operands x, int n, int k)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        float[]? gathered = null;
        if (x.TransA)
        {
            gathered = ArrayPool<float>.Shared.Rent(k);
            for (int p = 0; p < k; p++)
                gathered[p] = x.A[(long)p * x.Lda];
        }
        fixed (float* gatheredA = gathered)
        {
            float* a = x.TransA ? gatheredA : x.A;
            float* lanes = stackalloc float[RowsAtOnce * Sgemm.MaxNr];
            float* sums = stackalloc float[RowsAtOnce];
            int j = 0;
            for (; j + RowsAtOnce <= n; j += RowsAtOnce)
            {
                Dots<TLanes, TVector>(a, x.B + (long)j * x.Ldb, x.Ldb, k, lanes, sums);
                for (int i = 0; i < RowsAtOnce; i++)
                    StoreScaled(x, j + i, sums[i]);
            }
            for (; j < n; j++)
                StoreScaled(x, j, TensorPrimitives.Dot(new ReadOnlySpan<float>(a, k), new ReadOnlySpan<float>(x.B + (long)j * x.Ldb, k)));
        }
        if (gathered is not null)
            ArrayPool<float>.Shared.Return(gathered);
    }

    /// <summary>
    /// sums[i] = a · (row i of B), for the <see cref="RowsAtOnce"/> rows from <paramref name="b"/> on,
    /// <paramref name="ldb"/> apart; <paramref name="lane"/> holds the accumulators' lanes while they are added up.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dots<TLanes, TVector>(float* a, float* b, long ldb, int k, float* lane, float* sums)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        float* b0 = b, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb, b4 = b3 + ldb, b5 = b4 + ldb, b6 = b5 + ldb, b7 = b6 + ldb;
        TVector s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
        int lanes = TLanes.Count, p = 0;
        for (; p + lanes <= k; p += lanes)
        {
            TVector ap = TLanes.Load(a + p);
            s0 = TLanes.MultiplyAdd(ap, TLanes.Load(b0 + p), s0);
            s1 = TLanes.MultiplyAdd(ap, TLanes.Load(b1 + p), s1);
            s2 = TLanes.MultiplyAdd(ap, TLanes.Load(b2 + p), s2);
            s3 = TLanes.MultiplyAdd(ap, TLanes.Load(b3 + p), s3);
            s4 = TLanes.MultiplyAdd(ap, TLanes.Load(b4 + p), s4);
            s5 = TLanes.MultiplyAdd(ap, TLanes.Load(b5 + p), s5);
            s6 = TLanes.MultiplyAdd(ap, TLanes.Load(b6 + p), s6);
            s7 = TLanes.MultiplyAdd(ap, TLanes.Load(b7 + p), s7);
        }
        TLanes.Store(lane, s0);
        TLanes.Store(lane + lanes, s1);
        TLanes.Store(lane + 2 * lanes, s2);
        TLanes.Store(lane + 3 * lanes, s3);
        TLanes.Store(lane + 4 * lanes, s4);
        TLanes.Store(lane + 5 * lanes, s5);
        TLanes.Store(lane + 6 * lanes, s6);
        TLanes.Store(lane + 7 * lanes, s7);
        for (int i = 0; i < RowsAtOnce; i++)
        {
            float sum = 0;
            for (int l = 0; l < lanes; l++)
                sum += lane[i * lanes + l];
            float* row = b + i * ldb;
            for (int q = p; q < k; q++)
                sum = MathF.FusedMultiplyAdd(a[q], row[q], sum);
            sums[i] = sum;
        }
    }

    private static void StoreScaled(in Sgemm.Operands x, int j, float product) =>
        x.C[j] = x.Beta == 0 ? x.Alpha * product : MathF.FusedMultiplyAdd(x.Alpha, product, x.Beta * x.C[j]);
}
