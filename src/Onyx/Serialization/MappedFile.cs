using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Onyx.Serialization;

/// <summary>
/// A read-only memory-mapped file. Slices of it are handed out as <see cref="ReadOnlyMemory{T}"/> whose memory
/// managers keep the mapping alive: the file stays mapped exactly as long as some tensor points into it, and the
/// view handle's finalizer unmaps it afterwards.
/// </summary>
internal sealed unsafe class MappedFile
{
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _pointer;

    private MappedFile(MemoryMappedViewAccessor? view, long length)
    {
        _view = view;
        Length = length;
        if (view is not null)
            _pointer = (byte*)view.SafeMemoryMappedViewHandle.DangerousGetHandle() + view.PointerOffset;
    }

    public long Length { get; }

    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        long length = stream.Length;
        if (length == 0)
            return new MappedFile(null, 0);
        using var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        return new MappedFile(file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), length);
    }

    /// <summary>A slice of the file; <paramref name="offset"/> and <paramref name="length"/> must lie within it.</summary>
    public ReadOnlyMemory<byte> Slice(long offset, int length)
    {
        if (offset < 0 || length < 0 || offset > Length - length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"[{offset}, {offset}+{length}) is outside the {Length}-byte file.");
        return length == 0 ? ReadOnlyMemory<byte>.Empty : new Region(this, offset, length).Memory;
    }

    private sealed class Region(MappedFile file, long offset, int length) : MemoryManager<byte>
    {
        public override Span<byte> GetSpan() => new(file._pointer + offset, length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(file._pointer + offset + elementIndex, default, this);

        public override void Unpin() { }

        protected override void Dispose(bool disposing) { }
    }
}
