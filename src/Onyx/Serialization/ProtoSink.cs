using System.Buffers.Binary;
using System.Text;

namespace Onyx.Serialization;

/// <summary>
/// The target of one pass of the writer. A save runs the same message code twice: first into a
/// <see cref="MeasuringSink"/>, which records the length of every embedded message, then into a
/// <see cref="StreamSink"/>, which writes bytes and takes each length prefix from that record. No message is
/// ever buffered, so a payload is copied once, straight from its source to the output.
/// </summary>
internal abstract class ProtoSink
{
    public abstract void WriteRaw(ReadOnlySpan<byte> bytes);

    public abstract void WriteVarint(ulong value);

    /// <summary>Starts an embedded message (or packed field) with the given field number.</summary>
    public abstract void BeginMessage(int field);

    public abstract void EndMessage();

    public void Tag(int field, WireType wireType) => WriteVarint((ulong)((uint)field << 3 | (uint)wireType));

    public void Int64(int field, long value)
    {
        Tag(field, WireType.Varint);
        WriteVarint((ulong)value);
    }

    /// <summary>Writes an int64 field unless it is zero.</summary>
    public void OptionalInt64(int field, long value)
    {
        if (value != 0)
            Int64(field, value);
    }

    public void Float(int field, float value)
    {
        Tag(field, WireType.Fixed32);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        WriteRaw(bytes);
    }

    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, WireType.LengthDelimited);
        WriteVarint((ulong)value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes a string field (used for repeated strings, where an empty value still counts).</summary>
    public void String(int field, string value)
    {
        Tag(field, WireType.LengthDelimited);
        int length = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)length);
        if (length <= 512)
        {
            Span<byte> bytes = stackalloc byte[length];
            Encoding.UTF8.GetBytes(value, bytes);
            WriteRaw(bytes);
        }
        else
        {
            WriteRaw(Encoding.UTF8.GetBytes(value));
        }
    }

    /// <summary>Writes an optional string field unless it is empty.</summary>
    public void OptionalString(int field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            String(field, value);
    }

    /// <summary>Writes a repeated int64 field unpacked, one tag per value (onnx.proto declares these without [packed]).</summary>
    public void RepeatedInt64(int field, IReadOnlyList<long> values)
    {
        foreach (long v in values)
            Int64(field, v);
    }

    /// <summary>Writes a repeated float field unpacked, one tag per value (onnx.proto declares these without [packed]).</summary>
    public void RepeatedFloat(int field, IReadOnlyList<float> values)
    {
        foreach (float v in values)
            Float(field, v);
    }

    public static int VarintSize(ulong value)
    {
        int size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }
}

/// <summary>Counts bytes and records the length of each embedded message in the order they begin.</summary>
internal sealed class MeasuringSink : ProtoSink
{
    private readonly Stack<(int Slot, long Start)> _open = new();

    public List<long> Lengths { get; } = [];

    public long Position { get; private set; }

    public override void WriteRaw(ReadOnlySpan<byte> bytes) => Position += bytes.Length;

    public override void WriteVarint(ulong value) => Position += VarintSize(value);

    public override void BeginMessage(int field)
    {
        Tag(field, WireType.LengthDelimited);
        _open.Push((Lengths.Count, Position));
        Lengths.Add(0);
    }

    public override void EndMessage()
    {
        var (slot, start) = _open.Pop();
        long length = Position - start;
        Lengths[slot] = length;
        Position += VarintSize((ulong)length);
    }
}

/// <summary>Writes to a stream, taking message lengths from a finished <see cref="MeasuringSink"/>.</summary>
internal sealed class StreamSink(Stream stream, List<long> lengths) : ProtoSink, IDisposable
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;
    private int _nextLength;

    public override void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                stream.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    public override void WriteVarint(ulong value)
    {
        if (_buffer.Length - _used < 10)
            Flush();
        while (value >= 0x80)
        {
            _buffer[_used++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_used++] = (byte)value;
    }

    public override void BeginMessage(int field)
    {
        Tag(field, WireType.LengthDelimited);
        WriteVarint((ulong)lengths[_nextLength++]);
    }

    public override void EndMessage() { }

    public void Flush()
    {
        stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose() => Flush();
}
