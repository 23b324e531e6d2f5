using System.Runtime.CompilerServices;

namespace Onyx.Runtime.Compute;

/// <summary>The one-row case of <see cref="Sgemm"/> (a vector times a matrix, as in a decode step), which packing would only slow down.</summary>
internal static unsafe class SgemmRow
{
    /// <summary>
    /// C (one row) = alpha·a·op(B) + beta·C without packing: packing B would cost as much as the product. With B
    /// stored k×n, blocks of four vectors of C stay in registers while every row of B streams past; with B stored
    /// n×k (transposed), each element of C is a dot product of two contiguous rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply<TLanes, TVector>(Sgemm.Operands x, int n, int k)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        long aStride = x.TransA ? x.Lda : 1;
        int j = 0;
        if (!x.TransB)
        {
            int lanes = TLanes.Count, block = 4 * lanes;
            float* tile = stackalloc float[4 * Sgemm.MaxNr];
            for (; j + block <= n; j += block)
            {
                TVector c0 = default, c1 = default, c2 = default, c3 = default;
                float* bRow = x.B + j;
                for (int p = 0; p < k; p++, bRow += x.Ldb)
                {
                    TVector ap = TLanes.Broadcast(x.A[p * aStride]);
                    c0 = TLanes.MultiplyAdd(ap, TLanes.Load(bRow), c0);
                    c1 = TLanes.MultiplyAdd(ap, TLanes.Load(bRow + lanes), c1);
                    c2 = TLanes.MultiplyAdd(ap, TLanes.Load(bRow + 2 * lanes), c2);
                    c3 = TLanes.MultiplyAdd(ap, TLanes.Load(bRow + 3 * lanes), c3);
                }
                TLanes.Store(tile, c0);
                TLanes.Store(tile + lanes, c1);
                TLanes.Store(tile + 2 * lanes, c2);
                TLanes.Store(tile + 3 * lanes, c3);
                for (int i = 0; i < block; i++)
                    StoreScaled(x, j + i, tile[i]);
            }
        }
        for (; j < n; j++)
        {
            float sum = 0;
            float* bColumn = x.TransB ? x.B + (long)j * x.Ldb : x.B + j;
            long bStride = x.TransB ? 1 : x.Ldb;
            if (x.TransB && !x.TransA)
                sum = System.Numerics.Tensors.TensorPrimitives.Dot(new ReadOnlySpan<float>(x.A, k), new ReadOnlySpan<float>(bColumn, k));
            else
                for (int p = 0; p < k; p++)
                    sum = MathF.FusedMultiplyAdd(x.A[p * aStride], bColumn[p * bStride], sum);
            StoreScaled(x, j, sum);
        }
    }

    private static void StoreScaled(in Sgemm.Operands x, int j, float product) =>
        x.C[j] = x.Beta == 0 ? x.Alpha * product : MathF.FusedMultiplyAdd(x.Alpha, product, x.Beta * x.C[j]);
}
