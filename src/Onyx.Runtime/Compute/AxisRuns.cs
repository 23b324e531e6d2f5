namespace Onyx.Runtime.Compute;

/// <summary>
/// Block copies of a tensor cut or joined along one axis. Viewed around the axis, a tensor is [outer, axis·inner],
/// so the part of one input (or output) is one contiguous run per outer index, and the runs of the joined tensor lie
/// a whole row of the joined axis apart.
/// </summary>
internal static class AxisRuns
{
    /// <summary>
    /// Copies <paramref name="count"/> runs of <paramref name="length"/> items, run o from o·<paramref name="sourceStride"/>
    /// in <paramref name="source"/> to o·<paramref name="targetStride"/> in <paramref name="target"/>; packed runs go as one block.
    /// </summary>
    public static void Copy<T>(ReadOnlySpan<T> source, long sourceStride, Span<T> target, long targetStride, long count, long length)
    {
        if (count == 0 || length == 0)
            return;
        if (count == 1 || (sourceStride == length && targetStride == length))
        {
            int total = checked((int)(count * length));
            source[..total].CopyTo(target);
            return;
        }
        int run = checked((int)length);
        for (long o = 0; o < count; o++)
            source.Slice(checked((int)(o * sourceStride)), run).CopyTo(target.Slice(checked((int)(o * targetStride)), run));
    }
}
