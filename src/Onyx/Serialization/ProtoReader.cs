using System.Buffers.Binary;
using System.Text;

namespace Onyx.Serialization;

/// <summary>
/// Reads protobuf wire format from a window of a buffer. Every read is bounds-checked against the window, so a
/// length or count in the data can never make the reader look outside the message it is reading. Positions are
/// absolute offsets into <see cref="ReadContext.Buffer"/>, so errors name the byte where the field starts.
/// </summary>
internal ref struct ProtoReader
{
    private const int MaxFieldNumber = (1 << 29) - 1;

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _end;
    private int _position;
    private int _fieldStart;

    public ProtoReader(ReadContext context, int start, int end)
    {
        Context = context;
        _buffer = context.Buffer.Span;
        _position = start;
        _fieldStart = start;
        _end = end;
    }

    public ReadContext Context { get; }

    /// <summary>The offset of the tag of the field being read.</summary>
    public readonly int FieldStart => _fieldStart;

    public readonly int Position => _position;

    public readonly bool AtEnd => _position >= _end;

    /// <summary>Reads the next tag; false at the end of the message.</summary>
    public bool NextField(out int field, out WireType wireType)
    {
        _fieldStart = _position;
        if (_position >= _end)
        {
            field = 0;
            wireType = 0;
            return false;
        }
        ulong tag = ReadVarint();
        if (tag > uint.MaxValue)
            throw Error($"field tag {tag} is out of range");
        field = (int)(tag >> 3);
        wireType = (WireType)(tag & 7);
        if (field == 0 || field > MaxFieldNumber)
            throw Error($"field number {field} is not valid");
        if (wireType is WireType.StartGroup or WireType.EndGroup)
            throw Error($"field {field} uses wire type {(int)wireType} (group), which ONNX never uses");
        if ((int)wireType > 5)
            throw Error($"field {field} has invalid wire type {(int)wireType}");
        return true;
    }

    public readonly OnnxFormatException Error(string problem) => Context.Error(_fieldStart, problem);

    /// <summary>Throws unless the field has the wire type its declaration needs.</summary>
    public readonly void Expect(WireType actual, WireType expected, string fieldName)
    {
        if (actual != expected)
            throw Error($"wire type {(int)actual} is not valid for '{fieldName}' (expected {(int)expected})");
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _end)
                throw Error("the data ends inside a varint");
            byte b = _buffer[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return result;
        }
        throw Error("a varint is longer than 10 bytes");
    }

    public long ReadInt64(WireType wireType, string fieldName)
    {
        Expect(wireType, WireType.Varint, fieldName);
        return (long)ReadVarint();
    }

    /// <summary>Reads an int32 field; protobuf encodes negative values sign-extended to 64 bits and readers truncate.</summary>
    public int ReadInt32(WireType wireType, string fieldName) => (int)ReadInt64(wireType, fieldName);

    public uint ReadFixed32()
    {
        RequireBytes(4);
        uint value = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.Slice(_position, 4));
        _position += 4;
        return value;
    }

    public ulong ReadFixed64()
    {
        RequireBytes(8);
        ulong value = BinaryPrimitives.ReadUInt64LittleEndian(_buffer.Slice(_position, 8));
        _position += 8;
        return value;
    }

    public float ReadFloat(WireType wireType, string fieldName)
    {
        Expect(wireType, WireType.Fixed32, fieldName);
        return BitConverter.UInt32BitsToSingle(ReadFixed32());
    }

    /// <summary>Reads a length prefix and returns the (absolute) range of the payload, checked against the window.</summary>
    public (int Start, int Length) ReadLengthDelimited(WireType wireType, string fieldName)
    {
        Expect(wireType, WireType.LengthDelimited, fieldName);
        ulong length = ReadVarint();
        int remaining = _end - _position;
        if (length > (ulong)remaining)
            throw Error($"'{fieldName}' declares {length} bytes but only {remaining} remain in the enclosing message");
        int start = _position;
        _position += (int)length;
        return (start, (int)length);
    }

    public string ReadString(WireType wireType, string fieldName)
    {
        var (start, length) = ReadLengthDelimited(wireType, fieldName);
        return length == 0 ? "" : Encoding.UTF8.GetString(_buffer.Slice(start, length));
    }

    public byte[] ReadBytes(WireType wireType, string fieldName)
    {
        var (start, length) = ReadLengthDelimited(wireType, fieldName);
        return _buffer.Slice(start, length).ToArray();
    }

    /// <summary>Reads a bytes field as a slice of the buffer, without copying.</summary>
    public ReadOnlyMemory<byte> ReadBytesSlice(WireType wireType, string fieldName)
    {
        var (start, length) = ReadLengthDelimited(wireType, fieldName);
        return Context.Buffer.Slice(start, length);
    }

    /// <summary>Reads an embedded message: enters it in the error path, and returns a reader bounded to it.</summary>
    public ProtoReader EnterMessage(WireType wireType, string fieldName, int index)
    {
        int fieldStart = _fieldStart;
        var (start, length) = ReadLengthDelimited(wireType, fieldName);
        Context.Push(fieldName, index, fieldStart);
        return new ProtoReader(Context, start, start + length);
    }

    /// <summary>Appends a repeated varint field, packed or not, to <paramref name="values"/>.</summary>
    public void ReadRepeatedInt64(WireType wireType, string fieldName, List<long> values)
    {
        if (wireType == WireType.Varint)
        {
            values.Add((long)ReadVarint());
            return;
        }
        var (start, length) = ReadLengthDelimited(wireType, fieldName);
        var packed = new ProtoReader(Context, start, start + length) { _fieldStart = _fieldStart };
        values.EnsureCapacity(values.Count + CountVarints(_buffer.Slice(start, length)));
        while (!packed.AtEnd)
            values.Add((long)packed.ReadVarint());
    }

    /// <summary>Appends a repeated float field, packed or not, to <paramref name="values"/>.</summary>
    public void ReadRepeatedFloat(WireType wireType, string fieldName, List<float> values)
    {
        if (wireType == WireType.Fixed32)
        {
            values.Add(BitConverter.UInt32BitsToSingle(ReadFixed32()));
            return;
        }
        var (start, length) = ReadLengthDelimited(wireType, fieldName);
        if (length % 4 != 0)
            throw Error($"packed '{fieldName}' holds {length} bytes, not a multiple of 4");
        ReadOnlySpan<byte> packed = _buffer.Slice(start, length);
        values.EnsureCapacity(values.Count + length / 4);
        for (int i = 0; i < length; i += 4)
            values.Add(BinaryPrimitives.ReadSingleLittleEndian(packed.Slice(i, 4)));
    }

    /// <summary>Skips a field this reader does not know and returns the range of its bytes, tag included.</summary>
    public (int Start, int Length) SkipField(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                RequireBytes(8);
                _position += 8;
                break;
            case WireType.Fixed32:
                RequireBytes(4);
                _position += 4;
                break;
            case WireType.LengthDelimited:
                ReadLengthDelimited(wireType, "unknown field");
                break;
        }
        return (_fieldStart, _position - _fieldStart);
    }

    public static int CountVarints(ReadOnlySpan<byte> packed)
    {
        int count = 0;
        foreach (byte b in packed)
            if (b < 0x80)
                count++;
        return count;
    }

    private readonly void RequireBytes(int count)
    {
        if (_end - _position < count)
            throw Error($"the data ends inside a {count}-byte fixed-width value");
    }
}
