using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Onyx.Runtime.Compute;

/// <summary>
/// Any transpose of fixed-width elements (1, 2, 4, 8 or 16 bytes), without index tables: a swap of two axis groups
/// goes to <see cref="BatchedTranspose"/>; any other perm walks the output in order, one row of its last axis at a time,
/// each row read from the source at that axis' stride (a block copy where the stride is 1).
/// </summary>
internal static class StridedTranspose
{
    // Ranks up to this keep their strides and position on the stack.
    private const int MaxStackRank = 32;

    /// <summary>Writes the source of <paramref name="sourceDims"/>, output axis k being source axis perm[k], into <paramref name="target"/>.</summary>
    public static void Transpose(ReadOnlySpan<byte> source, Span<byte> target, int width, ReadOnlySpan<long> sourceDims, ReadOnlySpan<int> perm)
    {
        switch (width)
        {
            case 1: Transpose(source, target, sourceDims, perm); break;
            case 2: Transpose(MemoryMarshal.Cast<byte, short>(source), MemoryMarshal.Cast<byte, short>(target), sourceDims, perm); break;
            case 4: Transpose(MemoryMarshal.Cast<byte, int>(source), MemoryMarshal.Cast<byte, int>(target), sourceDims, perm); break;
            case 8: Transpose(MemoryMarshal.Cast<byte, long>(source), MemoryMarshal.Cast<byte, long>(target), sourceDims, perm); break;
            case 16: Transpose(MemoryMarshal.Cast<byte, Int128>(source), MemoryMarshal.Cast<byte, Int128>(target), sourceDims, perm); break;
            default: throw new ArgumentOutOfRangeException(nameof(width), width, "elements are 1, 2, 4, 8 or 16 bytes wide");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose<T>(ReadOnlySpan<T> x, Span<T> y, ReadOnlySpan<long> sourceDims, ReadOnlySpan<int> perm) where T : unmanaged
    {
        if (y.IsEmpty)
            return;
        if (BatchedTranspose.Of(sourceDims, perm) is { } swap)
        {
            BatchedTranspose.Transpose(x, y, (int)swap.Batch, (int)swap.Rows, (int)swap.Cols);
            return;
        }
        int rank = perm.Length;
        if (rank == 0)
        {
            x.CopyTo(y);
            return;
        }
        Span<long> sourceStrides = rank <= MaxStackRank ? stackalloc long[rank] : new long[rank];
        Span<long> strides = rank <= MaxStackRank ? stackalloc long[rank] : new long[rank];
        Span<long> index = rank <= MaxStackRank ? stackalloc long[rank] : new long[rank];
        long stride = 1;
        for (int i = rank - 1; i >= 0; i--)
        {
            sourceStrides[i] = stride;
            stride *= sourceDims[i];
        }
        for (int k = 0; k < rank; k++)
            strides[k] = sourceStrides[perm[k]];
        index.Clear();
        int n = (int)sourceDims[perm[rank - 1]], step = (int)strides[rank - 1];
        long offset = 0;
        for (int start = 0; start < y.Length; start += n)
        {
            Span<T> row = y.Slice(start, n);
            if (step == 1)
            {
                x.Slice((int)offset, n).CopyTo(row);
            }
            else
            {
                for (int j = 0, i = (int)offset; j < row.Length; j++, i += step)
                    row[j] = x[i];
            }
            for (int k = rank - 2; k >= 0; k--)
            {
                long dim = sourceDims[perm[k]];
                if (++index[k] < dim)
                {
                    offset += strides[k];
                    break;
                }
                offset -= strides[k] * (dim - 1);
                index[k] = 0;
            }
        }
    }
}
