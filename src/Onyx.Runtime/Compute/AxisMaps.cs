namespace Onyx.Runtime.Compute;

/// <summary>
/// Data movement described axis by axis: for each output axis, the source offset (in elements) each position along
/// it contributes, or -1 where the output takes a fill value instead. An output element reads the source at the sum
/// of its positions' contributions. Transpose, Slice, Split, Tile, Expand, Pad, DepthToSpace and SpaceToDepth are
/// all such maps, so one loop moves the elements of every type for all of them.
/// </summary>
internal static class AxisMaps
{
    public const long Fill = -1;

    /// <summary>Position i of an axis reads source element <c>(start + i·step)·stride</c>.</summary>
    public static long[] Strided(long count, long start, long step, long stride)
    {
        var map = new long[count];
        for (long i = 0; i < count; i++)
            map[i] = (start + i * step) * stride;
        return map;
    }

    /// <summary>The maps of a transpose of a source of <paramref name="dims"/>: output axis k is source axis perm[k].</summary>
    public static long[][] Transposed(IReadOnlyList<long> dims, IReadOnlyList<int> perm)
    {
        long[] strides = IndexingOffsets.Strides(dims);
        return [.. perm.Select(axis => Strided(dims[axis], 0, 1, strides[axis]))];
    }

    /// <summary>Fills <paramref name="target"/> (as many elements as the maps' lengths multiply to) from <paramref name="source"/>.</summary>
    public static void Copy(in IndexedSource source, IndexedTarget target, long[][] maps, in IndexedSource fill = default)
    {
        int rank = maps.Length;
        if (rank == 0)
        {
            target.Copy(source, 0, 0, 1);
            return;
        }
        if (maps.Any(m => m.Length == 0))
            return;
        long[] inner = maps[rank - 1];
        bool contiguous = inner.All(o => o >= 0) && inner.Select((o, i) => o - i).Distinct().Count() == 1;
        var position = new long[rank - 1];
        long to = 0;
        while (true)
        {
            long row = 0;
            bool filled = false;
            for (int k = 0; k < rank - 1; k++)
            {
                long offset = maps[k][position[k]];
                filled |= offset < 0;
                row += offset;
            }
            if (filled)
                FillRun(target, fill, to, inner.Length);
            else if (contiguous)
                target.Copy(source, row + inner[0], to, inner.Length);
            else
                for (int i = 0; i < inner.Length; i++)
                    if (inner[i] >= 0)
                        target.Copy(source, row + inner[i], to + i, 1);
                    else
                        FillRun(target, fill, to + i, 1);
            to += inner.Length;
            int axis = rank - 2;
            while (axis >= 0 && ++position[axis] == maps[axis].Length)
                position[axis--] = 0;
            if (axis < 0)
                return;
        }
    }

    private static void FillRun(IndexedTarget target, in IndexedSource fill, long to, long count)
    {
        // A default source means "zero": the target starts zeroed (empty strings).
        if (fill.Width == 0 && fill.Strings is null)
            return;
        for (long i = 0; i < count; i++)
            target.Copy(fill, 0, to + i, 1);
    }
}
