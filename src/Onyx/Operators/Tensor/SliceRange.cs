namespace Onyx.Operators;

/// <summary>The elements one axis of Slice keeps: start, start + step, … before end, after the spec's clamping.</summary>
internal static class SliceRange
{
    /// <summary>
    /// Ends at or beyond this are taken as "to the end" of a dim whose size is not known (exporters write INT_MAX or INT64_MAX).
    /// </summary>
    private const long OpenEnd = int.MaxValue;

    /// <summary>The sliced length of a dim; a symbolic dim survives a whole-axis slice (start 0, open end, step 1).</summary>
    public static Dim Length(Dim dim, long start, long end, long step)
    {
        if (dim.Value is long size)
            return Count(size, start, end, step);
        return start == 0 && end >= OpenEnd && step == 1 ? dim : new Dim();
    }

    /// <summary>The elements of <paramref name="values"/> (one known 1-D tensor) that the slice keeps.</summary>
    public static Dim[] Take(Dim[] values, long start, long end, long step)
    {
        var taken = new Dim[Count(values.Length, start, end, step)];
        long first = taken.Length > 0 ? Clamp(start, values.Length, step) : 0;
        for (int i = 0; i < taken.Length; i++)
            taken[i] = values[first + i * step];
        return taken;
    }

    private static long Count(long size, long start, long end, long step)
    {
        if (size == 0)
            return 0;
        long first = Clamp(start, size, step);
        long last = step > 0 ? Math.Clamp(end < 0 ? end + size : end, 0, size) : Math.Clamp(end < 0 ? end + size : end, -1, size - 1);
        long span = step > 0 ? last - first : first - last;
        if (span <= 0)
            return 0;
        long stride = step > 0 ? step : step == long.MinValue ? long.MaxValue : -step;
        return span / stride + (span % stride != 0 ? 1 : 0);
    }

    /// <summary>The first index: negative counts from the back; clamped to [0, size] going forward, [0, size − 1] going back.</summary>
    private static long Clamp(long start, long size, long step)
    {
        long at = start < 0 ? start + size : start;
        return step > 0 ? Math.Clamp(at, 0, size) : Math.Clamp(at, 0, size - 1);
    }
}
