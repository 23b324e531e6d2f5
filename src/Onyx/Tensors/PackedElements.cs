namespace Onyx;

/// <summary>
/// Packing of the sub-byte element types as onnx.proto stores them: 4-bit types two per byte and 2-bit types four
/// per byte, the first element in the lowest bits, the last byte padded with zero bits.
/// </summary>
internal static class PackedElements
{
    /// <summary>Unpacks every element into one byte each; signed types (INT4, INT2) are sign-extended.</summary>
    public static void Unpack(DataType type, ReadOnlySpan<byte> packed, Span<byte> elements)
    {
        int bits = type.BitsPerElement();
        int perByte = 8 / bits;
        int mask = (1 << bits) - 1;
        bool signed = type is DataType.Int4 or DataType.Int2;
        int signBit = 1 << (bits - 1);
        if (packed.Length < type.ByteCount(elements.Length))
            throw new ArgumentException($"{packed.Length} bytes cannot hold {elements.Length} {type.ProtoName()} elements.", nameof(packed));
        for (int i = 0; i < elements.Length; i++)
        {
            int code = packed[i / perByte] >> (i % perByte * bits) & mask;
            elements[i] = (byte)(signed && (code & signBit) != 0 ? code - (1 << bits) : code);
        }
    }

    /// <summary>Packs one element per byte (only the low bits of each are kept) into <paramref name="packed"/>.</summary>
    public static void Pack(DataType type, ReadOnlySpan<byte> elements, Span<byte> packed)
    {
        int bits = type.BitsPerElement();
        int perByte = 8 / bits;
        int mask = (1 << bits) - 1;
        if (packed.Length < type.ByteCount(elements.Length))
            throw new ArgumentException($"{packed.Length} bytes cannot hold {elements.Length} {type.ProtoName()} elements.", nameof(packed));
        packed.Clear();
        for (int i = 0; i < elements.Length; i++)
            packed[i / perByte] |= (byte)((elements[i] & mask) << (i % perByte * bits));
    }
}
