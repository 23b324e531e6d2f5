using System.Buffers.Binary;
using System.Text;

namespace Onyx.Tests;

/// <summary>A tiny protobuf encoder for tests that need hand-made (often malformed) bytes.</summary>
internal sealed class ProtoBytes
{
    private readonly List<byte> _bytes = [];

    public static ProtoBytes New() => new();

    public byte[] ToArray() => [.. _bytes];

    public ProtoBytes Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public ProtoBytes Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }
        _bytes.Add((byte)value);
        return this;
    }

    public ProtoBytes Tag(int field, int wireType) => Varint((ulong)(field << 3 | wireType));

    public ProtoBytes Int(int field, long value) => Tag(field, 0).Varint((ulong)value);

    public ProtoBytes Fixed32(int field, float value)
    {
        Tag(field, 5);
        var b = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(b, value);
        return Raw(b);
    }

    public ProtoBytes Bytes(int field, byte[] value) => Tag(field, 2).Varint((ulong)value.Length).Raw(value);

    public ProtoBytes String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoBytes Message(int field, ProtoBytes message) => Bytes(field, message.ToArray());

    public ProtoBytes PackedVarints(int field, params long[] values)
    {
        var inner = New();
        foreach (long v in values)
            inner.Varint((ulong)v);
        return Message(field, inner);
    }
}
