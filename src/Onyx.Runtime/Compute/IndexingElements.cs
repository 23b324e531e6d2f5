namespace Onyx.Runtime.Compute;

/// <summary>
/// A tensor's elements as units to move by position, whatever their type: fixed-width bytes (sub-byte elements
/// unpacked to one code per byte) or strings. Moving elements never reads their values, so one routine serves every
/// element type.
/// </summary>
internal readonly struct IndexedSource
{
    public IndexedSource(Tensor tensor)
    {
        int bits = tensor.DataType.BitsPerElement();
        if (tensor.DataType == DataType.String)
        {
            Strings = tensor.Strings;
        }
        else if (bits < 8)
        {
            var codes = new byte[tensor.ElementCount];
            if (bits == 4)
                SubByteElements.Unpack4Bit(tensor.RawData.Span, codes);
            else
                SubByteElements.Unpack2Bit(tensor.RawData.Span, codes);
            Bytes = codes;
            Width = 1;
        }
        else
        {
            Bytes = tensor.RawData;
            Width = bits / 8;
        }
    }

    /// <summary>The elements' bytes, <see cref="Width"/> per element; empty for strings.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Bytes per element; 0 for strings.</summary>
    public int Width { get; }

    /// <summary>The elements of a string tensor; null otherwise.</summary>
    public List<byte[]>? Strings { get; }

    /// <summary>The bytes of <paramref name="count"/> elements from element <paramref name="start"/>.</summary>
    public ReadOnlySpan<byte> Span(long start, long count) => Bytes.Span.Slice(checked((int)(start * Width)), checked((int)(count * Width)));
}

/// <summary>The elements of an output being assembled by position; <see cref="ToTensor"/> gives the finished tensor.</summary>
internal sealed class IndexedTarget
{
    private readonly DataType _type;
    private readonly byte[] _bytes = [];
    private readonly byte[][]? _strings;

    /// <summary>A target of <paramref name="count"/> elements, zero bytes or empty strings; see <see cref="Fits"/>.</summary>
    public IndexedTarget(DataType type, long count)
    {
        _type = type;
        if (type == DataType.String)
        {
            _strings = new byte[count][];
            Array.Fill(_strings, []);
        }
        else
        {
            Width = Math.Max(1, type.BitsPerElement() / 8);
            _bytes = new byte[count * Width];
        }
    }

    /// <summary>Bytes per element (sub-byte elements hold one code per byte until packed); 0 for strings.</summary>
    public int Width { get; }

    /// <summary>True when <paramref name="count"/> elements of <paramref name="type"/> fit in one target.</summary>
    public static bool Fits(DataType type, long count) =>
        count <= (type == DataType.String ? Array.MaxLength : Array.MaxLength / Math.Max(1, type.BitsPerElement() / 8));

    /// <summary>Copies <paramref name="count"/> elements of <paramref name="source"/> from <paramref name="from"/> to position <paramref name="to"/>.</summary>
    public void Copy(in IndexedSource source, long from, long to, long count)
    {
        if (_strings is not null)
            source.Strings!.CopyTo(checked((int)from), _strings, checked((int)to), checked((int)count));
        else
            source.Span(from, count).CopyTo(Span(to, count));
    }

    /// <summary>The writable bytes of <paramref name="count"/> elements from element <paramref name="start"/>.</summary>
    public Span<byte> Span(long start, long count) => _bytes.AsSpan(checked((int)(start * Width)), checked((int)(count * Width)));

    /// <summary>Sets element <paramref name="index"/> of a string target.</summary>
    public void SetString(long index, byte[] value) => _strings![index] = value;

    /// <summary>The assembled tensor, sub-byte elements packed.</summary>
    public Tensor ToTensor(long[] dims)
    {
        if (_strings is not null)
        {
            var tensor = new Tensor(DataType.String, dims);
            tensor.Strings.AddRange(_strings);
            return tensor;
        }
        int bits = _type.BitsPerElement();
        if (bits >= 8)
            return new Tensor(_type, dims, _bytes);
        var packed = new byte[_type.ByteCount(_bytes.Length)];
        if (bits == 4)
            SubByteElements.Pack4Bit(_bytes, packed);
        else
            SubByteElements.Pack2Bit(_bytes, packed);
        return new Tensor(_type, dims, packed);
    }
}
