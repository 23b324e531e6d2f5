namespace Onyx;

/// <summary>The element range a chunked tensor holds. Mirrors <c>TensorProto.Segment</c>.</summary>
public sealed class TensorSegment(long begin, long end)
{
    /// <summary>The first element held.</summary>
    public long Begin { get; set; } = begin;

    /// <summary>One past the last element held.</summary>
    public long End { get; set; } = end;

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }
}
