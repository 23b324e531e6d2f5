using System.Runtime.InteropServices;

namespace Onyx;

/// <summary>
/// Packing of the sub-byte element types as ONNX stores them (int4.md, int2.md, float4.md, onnx.proto): 4-bit
/// elements two per byte and 2-bit elements four per byte, element 0 in the lowest bits, the unused high bits of the
/// last byte zero.
/// </summary>
public static class SubByteElements
{
    /// <summary>
    /// The bytes that hold <paramref name="elementCount"/> elements of <paramref name="bitsPerElement"/> bits (2 or 4):
    /// ceil(count · bits / 8). Computed without overflow for every non-negative count.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="elementCount"/> is negative or <paramref name="bitsPerElement"/> is neither 2 nor 4.
    /// </exception>
    public static long PackedByteCount(long elementCount, int bitsPerElement)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elementCount);
        if (bitsPerElement is not (2 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(bitsPerElement), bitsPerElement, "Sub-byte elements have 2 or 4 bits.");
        }

        int perByte = 8 / bitsPerElement;
        return (elementCount / perByte) + (elementCount % perByte == 0 ? 0 : 1);
    }

    /// <summary>
    /// Unpacks <c>codes.Length</c> 4-bit codes, one per byte in [0, 15]: element 2i is the low nibble of byte i and
    /// element 2i + 1 its high nibble. Bytes of <paramref name="packed"/> beyond those needed are ignored.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 2) bytes.</exception>
    public static void Unpack4Bit(ReadOnlySpan<byte> packed, Span<byte> codes)
    {
        EnsurePackedLength(packed.Length, codes.Length, 4, nameof(packed));
        int pairs = codes.Length / 2;
        for (int i = 0; i < pairs; i++)
        {
            byte b = packed[i];
            codes[2 * i] = (byte)(b & 0x0F);
            codes[(2 * i) + 1] = (byte)(b >> 4);
        }

        if ((codes.Length & 1) != 0)
        {
            codes[^1] = (byte)(packed[pairs] & 0x0F);
        }
    }

    /// <summary>
    /// Packs the low nibble of each code into ceil(n / 2) bytes of <paramref name="packed"/>, element 0 in the low
    /// nibble; an odd count leaves the last high nibble zero. Bytes of <paramref name="packed"/> past those are left
    /// untouched.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 2) bytes.</exception>
    public static void Pack4Bit(ReadOnlySpan<byte> codes, Span<byte> packed)
    {
        EnsurePackedLength(packed.Length, codes.Length, 4, nameof(packed));
        int pairs = codes.Length / 2;
        for (int i = 0; i < pairs; i++)
        {
            packed[i] = (byte)((codes[2 * i] & 0x0F) | (codes[(2 * i) + 1] << 4));
        }

        if ((codes.Length & 1) != 0)
        {
            packed[pairs] = (byte)(codes[^1] & 0x0F);
        }
    }

    /// <summary>
    /// Unpacks <c>codes.Length</c> 2-bit codes, one per byte in [0, 3]: element 4i + k is bits 2k..2k+1 of byte i.
    /// Bytes of <paramref name="packed"/> beyond those needed are ignored.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 4) bytes.</exception>
    public static void Unpack2Bit(ReadOnlySpan<byte> packed, Span<byte> codes)
    {
        EnsurePackedLength(packed.Length, codes.Length, 2, nameof(packed));
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = (byte)((packed[i >> 2] >> ((i & 3) * 2)) & 0x03);
        }
    }

    /// <summary>
    /// Packs the low 2 bits of each code into ceil(n / 4) bytes of <paramref name="packed"/>, element 0 in the lowest
    /// bits; the unused high bits of the last byte are zero. Bytes of <paramref name="packed"/> past those are left
    /// untouched.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 4) bytes.</exception>
    public static void Pack2Bit(ReadOnlySpan<byte> codes, Span<byte> packed)
    {
        EnsurePackedLength(packed.Length, codes.Length, 2, nameof(packed));
        int byteCount = (int)PackedByteCount(codes.Length, 2);
        for (int i = 0; i < byteCount; i++)
        {
            int first = i * 4;
            int value = 0;
            for (int k = 0; k < 4 && first + k < codes.Length; k++)
            {
                value |= (codes[first + k] & 0x03) << (k * 2);
            }

            packed[i] = (byte)value;
        }
    }

    /// <summary>Unpacks INT4 elements, sign-extending each nibble, as <see cref="Unpack4Bit"/> orders them.</summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 2) bytes.</exception>
    public static void UnpackInt4(ReadOnlySpan<byte> packed, Span<Int4> destination)
    {
        Span<byte> codes = MemoryMarshal.Cast<Int4, byte>(destination);
        Unpack4Bit(packed, codes);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Int4.FromBits(codes[i]);
        }
    }

    /// <summary>Packs INT4 elements as two's complement nibbles, as <see cref="Pack4Bit"/> orders them.</summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 2) bytes.</exception>
    public static void PackInt4(ReadOnlySpan<Int4> source, Span<byte> packed) =>
        Pack4Bit(MemoryMarshal.Cast<Int4, byte>(source), packed);

    /// <summary>Unpacks UINT4 elements as <see cref="Unpack4Bit"/> orders them.</summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 2) bytes.</exception>
    public static void UnpackUInt4(ReadOnlySpan<byte> packed, Span<UInt4> destination) =>
        Unpack4Bit(packed, MemoryMarshal.Cast<UInt4, byte>(destination));

    /// <summary>Packs UINT4 elements as <see cref="Pack4Bit"/> orders them.</summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 2) bytes.</exception>
    public static void PackUInt4(ReadOnlySpan<UInt4> source, Span<byte> packed) =>
        Pack4Bit(MemoryMarshal.Cast<UInt4, byte>(source), packed);

    /// <summary>Unpacks FLOAT4E2M1 elements as <see cref="Unpack4Bit"/> orders them.</summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 2) bytes.</exception>
    public static void UnpackFloat4E2M1(ReadOnlySpan<byte> packed, Span<Float4E2M1> destination) =>
        Unpack4Bit(packed, MemoryMarshal.Cast<Float4E2M1, byte>(destination));

    /// <summary>Packs FLOAT4E2M1 elements as <see cref="Pack4Bit"/> orders them.</summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 2) bytes.</exception>
    public static void PackFloat4E2M1(ReadOnlySpan<Float4E2M1> source, Span<byte> packed) =>
        Pack4Bit(MemoryMarshal.Cast<Float4E2M1, byte>(source), packed);

    /// <summary>Unpacks INT2 elements, sign-extending each 2-bit code, as <see cref="Unpack2Bit"/> orders them.</summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 4) bytes.</exception>
    public static void UnpackInt2(ReadOnlySpan<byte> packed, Span<Int2> destination)
    {
        Span<byte> codes = MemoryMarshal.Cast<Int2, byte>(destination);
        Unpack2Bit(packed, codes);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Int2.FromBits(codes[i]);
        }
    }

    /// <summary>Packs INT2 elements as two's complement 2-bit codes, as <see cref="Pack2Bit"/> orders them.</summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 4) bytes.</exception>
    public static void PackInt2(ReadOnlySpan<Int2> source, Span<byte> packed) =>
        Pack2Bit(MemoryMarshal.Cast<Int2, byte>(source), packed);

    /// <summary>Unpacks UINT2 elements as <see cref="Unpack2Bit"/> orders them.</summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 4) bytes.</exception>
    public static void UnpackUInt2(ReadOnlySpan<byte> packed, Span<UInt2> destination) =>
        Unpack2Bit(packed, MemoryMarshal.Cast<UInt2, byte>(destination));

    /// <summary>Packs UINT2 elements as <see cref="Pack2Bit"/> orders them.</summary>
    /// <exception cref="ArgumentException"><paramref name="packed"/> holds fewer than ceil(n / 4) bytes.</exception>
    public static void PackUInt2(ReadOnlySpan<UInt2> source, Span<byte> packed) =>
        Pack2Bit(MemoryMarshal.Cast<UInt2, byte>(source), packed);

    private static void EnsurePackedLength(int packedLength, int elementCount, int bitsPerElement, string paramName)
    {
        long needed = PackedByteCount(elementCount, bitsPerElement);
        if (packedLength < needed)
        {
            throw new ArgumentException(
                $"{elementCount} elements of {bitsPerElement} bits need {needed} packed bytes but only {packedLength} were given.",
                paramName);
        }
    }
}
