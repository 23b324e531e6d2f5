using System.Runtime.CompilerServices;

namespace Onyx.Runtime.Compute;

/// <summary>
/// Numpy-style multidirectional broadcasting: the output shape of several inputs, and for each input the offset of
/// the element that feeds each output position.
/// </summary>
internal static class Broadcasting
{
    /// <summary>The broadcast shape of <paramref name="shapes"/>, or null when a dim pair is neither equal nor 1.</summary>
    public static long[]? Shape(params IReadOnlyList<long>[] shapes)
    {
        int rank = 0;
        foreach (IReadOnlyList<long> s in shapes)
            rank = System.Math.Max(rank, s.Count);
        var result = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long dim = 1;
            foreach (IReadOnlyList<long> s in shapes)
            {
                int k = i - (rank - s.Count);
                if (k < 0 || s[k] == 1)
                    continue;
                if (dim != 1 && dim != s[k])
                    return null;
                dim = s[k];
            }
            result[i] = dim;
        }
        return result;
    }

    /// <summary>Writes the broadcast shape of <paramref name="a"/> and <paramref name="b"/> into <paramref name="result"/> (of the larger rank); false when a dim pair is neither equal nor 1.</summary>
    public static bool TryShape(IReadOnlyList<long> a, IReadOnlyList<long> b, Span<long> result)
    {
        int rank = result.Length;
        for (int i = 0; i < rank; i++)
        {
            int ka = i - (rank - a.Count), kb = i - (rank - b.Count);
            long da = ka < 0 ? 1 : a[ka], db = kb < 0 ? 1 : b[kb];
            if (da != db && da != 1 && db != 1)
                return false;
            result[i] = da == 1 ? db : da;
        }
        return true;
    }

    /// <summary>The stride of each axis of <paramref name="dims"/> in an input of <paramref name="inputDims"/> broadcast to them (0 where it repeats).</summary>
    public static void Strides(IReadOnlyList<long> inputDims, ReadOnlySpan<long> dims, Span<long> strides)
    {
        long stride = 1;
        for (int i = dims.Length - 1; i >= 0; i--)
        {
            int k = i - (dims.Length - inputDims.Count);
            bool present = k >= 0 && inputDims[k] != 1;
            strides[i] = present ? stride : 0;
            if (present)
                stride *= inputDims[k];
        }
    }

    /// <summary>
    /// Steps the position <paramref name="index"/> over the axes before <paramref name="end"/> to the next one in
    /// row-major order (an odometer), moving two operands' offsets by their strides along.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Advance(Span<long> index, ReadOnlySpan<long> dims, int end, ReadOnlySpan<long> xStrides, ReadOnlySpan<long> yStrides, ref long xOffset, ref long yOffset)
    {
        for (int k = end - 1; k >= 0; k--)
        {
            if (++index[k] < dims[k])
            {
                xOffset += xStrides[k];
                yOffset += yStrides[k];
                return;
            }
            xOffset -= xStrides[k] * (dims[k] - 1);
            yOffset -= yStrides[k] * (dims[k] - 1);
            index[k] = 0;
        }
    }

    /// <summary>
    /// For an input of <paramref name="inputDims"/> broadcast to <paramref name="outputDims"/>: the input offset of
    /// every output position, in row-major order.
    /// </summary>
    public static int[] Offsets(IReadOnlyList<long> inputDims, long[] outputDims)
    {
        int rank = outputDims.Length;
        var strides = new long[rank];
        long stride = 1;
        for (int i = rank - 1; i >= 0; i--)
        {
            int k = i - (rank - inputDims.Count);
            if (k >= 0 && inputDims[k] != 1)
            {
                strides[i] = stride;
                stride *= inputDims[k];
            }
        }
        long count = 1;
        foreach (long d in outputDims)
            count *= d;
        var offsets = new int[count];
        var index = new long[rank];
        long offset = 0;
        for (long n = 0; n < count; n++)
        {
            offsets[n] = (int)offset;
            for (int i = rank - 1; i >= 0; i--)
            {
                index[i]++;
                offset += strides[i];
                if (index[i] < outputDims[i])
                    break;
                offset -= strides[i] * index[i];
                index[i] = 0;
            }
        }
        return offsets;
    }
}
