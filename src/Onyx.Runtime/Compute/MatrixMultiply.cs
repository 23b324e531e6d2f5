using System.Numerics;

namespace Onyx.Runtime.Compute;

/// <summary>Dense row-major matrix products, in i-k-j order so the inner loop walks rows of B and C contiguously.</summary>
internal static class MatrixMultiply
{
    /// <summary>
    /// c[i, j] += sum over k of a(i, k) * b[k, j], for an m×k A read at a[i * aRowStride + k * aColumnStride] (so a
    /// transposed A needs no copy), a row-major k×n B and a row-major m×n C.
    /// </summary>
    public static void Accumulate<T>(ReadOnlySpan<T> a, int aRowStride, int aColumnStride, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n)
        where T : INumber<T>
    {
        for (int i = 0; i < m; i++)
        {
            Span<T> row = c.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                T scale = a[i * aRowStride + p * aColumnStride];
                ReadOnlySpan<T> bRow = b.Slice(p * n, n);
                for (int j = 0; j < row.Length; j++)
                    row[j] += scale * bRow[j];
            }
        }
    }

    /// <summary>The transpose of the row-major rows×columns matrix <paramref name="source"/>.</summary>
    public static T[] Transpose<T>(ReadOnlySpan<T> source, int rows, int columns)
    {
        var result = new T[source.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
                result[c * rows + r] = source[r * columns + c];
        }
        return result;
    }
}
