namespace Onyx.Runtime.Compute;

/// <summary>
/// How a row-major tensor splits into groups for a reduction over some of its axes: the offset where each group
/// starts (one per element of the kept axes, in row-major order) and the offsets of a group's elements relative to
/// that start (row-major over the reduced axes). Reductions, scans and softmax all walk their groups through it.
/// </summary>
internal sealed class ReductionLayout
{
    private ReductionLayout(int[] groupStarts, int[] memberOffsets)
    {
        GroupStarts = groupStarts;
        MemberOffsets = memberOffsets;
    }

    /// <summary>The offset of each group's first element; its length is the product of the kept dims.</summary>
    public int[] GroupStarts { get; }

    /// <summary>The offsets of a group's elements from its start; its length is the product of the reduced dims (1 when none).</summary>
    public int[] MemberOffsets { get; }

    public static ReductionLayout Create(IReadOnlyList<long> dims, IReadOnlyList<bool> reduced)
    {
        var strides = new long[dims.Count];
        long stride = 1;
        for (int i = dims.Count - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= dims[i];
        }
        return new ReductionLayout(Offsets(dims, strides, reduced, false), Offsets(dims, strides, reduced, true));
    }

    /// <summary>The layout of a reduction over the single axis <paramref name="axis"/>.</summary>
    public static ReductionLayout AlongAxis(IReadOnlyList<long> dims, int axis)
    {
        var reduced = new bool[dims.Count];
        reduced[axis] = true;
        return Create(dims, reduced);
    }

    /// <summary>Row-major offsets of every index over the axes whose <paramref name="reduced"/> flag equals <paramref name="select"/>.</summary>
    private static int[] Offsets(IReadOnlyList<long> dims, long[] strides, IReadOnlyList<bool> reduced, bool select)
    {
        var axes = new List<int>();
        long count = 1;
        for (int i = 0; i < dims.Count; i++)
        {
            if (reduced[i] == select)
            {
                axes.Add(i);
                count *= dims[i];
            }
        }
        var offsets = new int[count];
        var index = new long[axes.Count];
        long offset = 0;
        for (long n = 0; n < count; n++)
        {
            offsets[n] = (int)offset;
            for (int k = axes.Count - 1; k >= 0; k--)
            {
                int axis = axes[k];
                index[k]++;
                offset += strides[axis];
                if (index[k] < dims[axis])
                    break;
                offset -= strides[axis] * index[k];
                index[k] = 0;
            }
        }
        return offsets;
    }
}
