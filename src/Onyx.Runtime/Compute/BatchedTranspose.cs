using System.Runtime.CompilerServices;
namespace Onyx.Runtime.Compute;

/// <summary>
/// Transposes that swap two adjacent groups of axes after some leading ones: perm = [0 … b−1, s … r−1, b … s−1]
/// moves a batch of rows × cols matrices (rows the product of dims b … s−1, cols of s … r−1) to cols × rows. The 2-D
/// transpose and the NCHW↔NHWC perms [0,2,3,1] and [0,3,1,2], and [0,1,3,2], are such. Copied in square tiles so
/// both the reads and the writes stay within a few cache lines.
/// </summary>
internal static class BatchedTranspose
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
}
