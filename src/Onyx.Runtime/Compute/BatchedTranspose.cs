using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Onyx.Runtime.Compute;

/// <summary>
/// Transposes that swap two adjacent groups of axes after some leading ones: perm = [0 … b−1, s … r−1, b … s−1]
/// moves a batch of rows × cols matrices (rows the product of dims b … s−1, cols of s … r−1) to cols × rows. The 2-D
/// transpose and the NCHW↔NHWC perms [0,2,3,1] and [0,3,1,2], and [0,1,3,2], are such. Copied in square tiles so
/// both the reads and the writes stay within a few cache lines.
/// </summary>
internal static unsafe class BatchedTranspose
{
    private const int Tile = 32;

    /// <summary>The batch, rows and cols of <paramref name="perm"/> over <paramref name="dims"/>, or null when it is not such a swap.</summary>
    public static (long Batch, long Rows, long Cols)? Of(ReadOnlySpan<long> dims, ReadOnlySpan<int> perm)
    {
        int rank = perm.Length, b = 0;
        while (b < rank && perm[b] == b)
            b++;
        if (b >= rank - 1)
            return null;
        int s = perm[b];
        for (int k = b; k < rank; k++)
        {
            int expected = k - b < rank - s ? s + (k - b) : b + (k - b - (rank - s));
            if (perm[k] != expected)
                return null;
        }
        long batch = 1, rows = 1, cols = 1;
        for (int k = 0; k < rank; k++)
        {
            if (k < b)
                batch *= dims[k];
            else if (k < s)
                rows *= dims[k];
            else
                cols *= dims[k];
        }
        return (batch, rows, cols);
    }

    /// <summary>Writes each of <paramref name="batch"/> rows × cols matrices of <paramref name="x"/> transposed into <paramref name="y"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transpose<T>(ReadOnlySpan<T> x, Span<T> y, int batch, int rows, int cols)
    {
        int size = rows * cols;
        if (Unsafe.SizeOf<T>() == sizeof(float) && !RuntimeHelpers.IsReferenceOrContainsReferences<T>() && Avx.IsSupported
            && x.Length >= (long)batch * size && y.Length >= (long)batch * size)
        {
            fixed (float* from = &Unsafe.As<T, float>(ref MemoryMarshal.GetReference(x)), to = &Unsafe.As<T, float>(ref MemoryMarshal.GetReference(y)))
            {
                for (int m = 0; m < batch; m++)
                    TransposeBlocks(from + (long)m * size, to + (long)m * size, rows, cols);
            }
            return;
        }
        for (int m = 0; m < batch; m++)
        {
            ReadOnlySpan<T> source = x.Slice(m * size, size);
            Span<T> target = y.Slice(m * size, size);
            for (int r0 = 0; r0 < rows; r0 += Tile)
            {
                int r1 = System.Math.Min(rows, r0 + Tile);
                for (int c0 = 0; c0 < cols; c0 += Tile)
                {
                    int c1 = System.Math.Min(cols, c0 + Tile);
                    for (int c = c0; c < c1; c++)
                    {
                        for (int r = r0; r < r1; r++)
                            target[c * rows + r] = source[r * cols + c];
                    }
                }
            }
        }
    }

    /// <summary>One rows × cols matrix of 4-byte elements: whole 8×8 blocks in registers, the ragged edges element by element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransposeBlocks(float* x, float* y, int rows, int cols)
    {
        int wholeRows = rows & ~7, wholeCols = cols & ~7;
        for (int r = 0; r < wholeRows; r += 8)
        {
            for (int c = 0; c < wholeCols; c += 8)
                Transpose8x8(x + (long)r * cols + c, cols, y + (long)c * rows + r, rows);
            for (int c = wholeCols; c < cols; c++)
            {
                for (int i = r; i < r + 8; i++)
                    y[(long)c * rows + i] = x[(long)i * cols + c];
            }
        }
        for (int r = wholeRows; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                y[(long)c * rows + r] = x[(long)r * cols + c];
        }
    }

    /// <summary>The 8×8 block at <paramref name="x"/> (rows <paramref name="xStride"/> apart) transposed to <paramref name="y"/> (rows <paramref name="yStride"/> apart).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* x, int xStride, float* y, int yStride)
    {
        Vector256<float> r0 = Vector256.Load(x), r1 = Vector256.Load(x + xStride), r2 = Vector256.Load(x + 2L * xStride), r3 = Vector256.Load(x + 3L * xStride);
        Vector256<float> r4 = Vector256.Load(x + 4L * xStride), r5 = Vector256.Load(x + 5L * xStride), r6 = Vector256.Load(x + 6L * xStride), r7 = Vector256.Load(x + 7L * xStride);
        // Pairs of rows interleaved (a0 b0 a1 b1 | a4 b4 a5 b5), then quads (a0 b0 c0 d0 | a4 b4 c4 d4), then the halves exchanged.
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> s0 = Avx.Shuffle(t0, t2, 0x44), s1 = Avx.Shuffle(t0, t2, 0xEE), s2 = Avx.Shuffle(t1, t3, 0x44), s3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> s4 = Avx.Shuffle(t4, t6, 0x44), s5 = Avx.Shuffle(t4, t6, 0xEE), s6 = Avx.Shuffle(t5, t7, 0x44), s7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Permute2x128(s0, s4, 0x20).Store(y);
        Avx.Permute2x128(s1, s5, 0x20).Store(y + yStride);
        Avx.Permute2x128(s2, s6, 0x20).Store(y + 2L * yStride);
        Avx.Permute2x128(s3, s7, 0x20).Store(y + 3L * yStride);
        Avx.Permute2x128(s0, s4, 0x31).Store(y + 4L * yStride);
        Avx.Permute2x128(s1, s5, 0x31).Store(y + 5L * yStride);
        Avx.Permute2x128(s2, s6, 0x31).Store(y + 6L * yStride);
        Avx.Permute2x128(s3, s7, 0x31).Store(y + 7L * yStride);
    }
}
