using System.Buffers.Binary;
using System.Numerics;

namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// BMP (Windows device-independent bitmap): OS/2 core, BITMAPINFOHEADER and the V2 to V5 headers; 1, 4 and 8-bit
/// palettes (uncompressed, RLE8, RLE4), 16, 24 and 32-bit pixels with default or bit-field masks; bottom-up and top-down
/// rows. As in Pillow, a palette index past the palette reads as gray i, a masked channel of n &lt; 8 bits scales by
/// 255 / (2^n - 1) rounding down, and alpha is dropped. RLE pixels no code reaches keep index 0.
/// </summary>
internal static class BmpDecoder
{
    private const string Format = "BMP";

    private const int Rgb = 0, Rle8 = 1, Rle4 = 2, BitFields = 3, AlphaBitFields = 6;

    public static ReadOnlySpan<byte> Signature => "BM"u8;

    public static DecodedImage Decode(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> fileHeader = EncodedBytes.Slice(data, 0, 18, Format, "file header");
        if (!fileHeader.StartsWith(Signature))
            throw new ImageDataException("BMP data does not start with 'BM'");
        long pixelOffset = BinaryPrimitives.ReadUInt32LittleEndian(fileHeader[10..]);
        int headerSize = (int)System.Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(fileHeader[14..]), int.MaxValue);
        if (headerSize is not (12 or 40 or 52 or 56 or 64 or 108 or 124))
            throw new ImageDataException($"BMP info header has size {headerSize}; expected 12 (OS/2), 40, 52, 56, 64, 108 or 124");
        ReadOnlySpan<byte> info = EncodedBytes.Slice(data, 14, headerSize, Format, "info header");
        bool core = headerSize == 12;
        long width = core ? BinaryPrimitives.ReadUInt16LittleEndian(info[4..]) : BinaryPrimitives.ReadInt32LittleEndian(info[4..]);
        long height = core ? BinaryPrimitives.ReadUInt16LittleEndian(info[6..]) : BinaryPrimitives.ReadInt32LittleEndian(info[8..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(info[(core ? 10 : 14)..]);
        int compression = core ? Rgb : (int)System.Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(info[16..]), int.MaxValue);
        bool topDown = height < 0;
        height = System.Math.Abs(height);
        EncodedBytes.CheckSize(Format, width, height);
        if (bits is not (1 or 4 or 8 or 16 or 24 or 32))
            throw new ImageDataException($"BMP header declares {bits} bits per pixel; expected 1, 4, 8, 16, 24 or 32");
        bool valid = compression switch
        {
            Rgb => true,
            Rle8 => bits == 8,
            Rle4 => bits == 4,
            BitFields or AlphaBitFields => bits is 16 or 24 or 32,
            _ => throw new ImageDataException($"BMP compression {compression} is not supported (only uncompressed, RLE8, RLE4 and bit fields)"),
        };
        if (!valid)
            throw new ImageDataException($"BMP compression {compression} does not apply to {bits} bits per pixel");
        DecodedImage image;
        if (bits <= 8)
        {
            byte[] palette = ReadPalette(data, headerSize, info, bits);
            byte[] indices = compression == Rgb
                ? UnpackIndices(Rows(data, pixelOffset, width, height, bits), width, height, bits)
                : Expand(EncodedBytes.Slice(data, pixelOffset, data.Length - System.Math.Min(pixelOffset, data.Length), Format, "pixel data"), (int)width, (int)height, compression == Rle4);
            image = new DecodedImage((int)height, (int)width, 3, new byte[width * height * 3]);
            for (long i = 0; i < width * height; i++)
                for (int c = 0; c < 3; c++)
                    image.Pixels[i * 3 + c] = indices[i] * 3 < palette.Length ? palette[indices[i] * 3 + c] : indices[i];
        }
        else
        {
            uint[] masks = Masks(data, headerSize, info, bits, compression);
            ReadOnlySpan<byte> rows = Rows(data, pixelOffset, width, height, bits);
            image = new DecodedImage((int)height, (int)width, 3, new byte[width * height * 3]);
            ReadMasked(rows, image, bits, masks);
        }
        return topDown ? image : FlipRows(image);
    }

    /// <summary>The palette as RGB triples: entries of 4 bytes (3 for OS/2) in blue, green, red order after the headers.</summary>
    private static byte[] ReadPalette(ReadOnlySpan<byte> data, int headerSize, ReadOnlySpan<byte> info, int bits)
    {
        int entrySize = headerSize == 12 ? 3 : 4;
        long declared = headerSize == 12 ? 0 : BinaryPrimitives.ReadUInt32LittleEndian(info[32..]);
        long count = declared is 0 || declared > 1 << bits ? 1 << bits : declared;
        long start = 14 + headerSize;
        count = System.Math.Min(count, System.Math.Max(0, data.Length - start) / entrySize);
        ReadOnlySpan<byte> entries = EncodedBytes.Slice(data, start, count * entrySize, Format, "palette");
        var palette = new byte[count * 3];
        for (int i = 0; i < count; i++)
        {
            palette[i * 3] = entries[i * entrySize + 2];
            palette[i * 3 + 1] = entries[i * entrySize + 1];
            palette[i * 3 + 2] = entries[i * entrySize];
        }
        return palette;
    }

    /// <summary>The pixel rows as stored: each padded to a multiple of 4 bytes.</summary>
    private static ReadOnlySpan<byte> Rows(ReadOnlySpan<byte> data, long offset, long width, long height, int bits) =>
        EncodedBytes.Slice(data, offset, Stride(width, bits) * height, Format, "pixel data");

    private static long Stride(long width, int bits) => (width * bits + 31) / 32 * 4;

    private static byte[] UnpackIndices(ReadOnlySpan<byte> rows, long width, long height, int bits)
    {
        var indices = new byte[width * height];
        long stride = Stride(width, bits);
        int mask = (1 << bits) - 1;
        for (long y = 0; y < height; y++)
            for (long x = 0; x < width; x++)
            {
                long bit = x * bits;
                indices[y * width + x] = (byte)((rows[(int)(y * stride + bit / 8)] >> (int)(8 - bits - bit % 8)) & mask);
            }
        return indices;
    }

    /// <summary>
    /// Runs RLE8 or RLE4 codes (BMP spec, "Bitmap Compression") into one index per pixel, rows in file order: a count and
    /// a value repeat it (RLE4: the two nibbles alternate); 0 then 0 ends a row, 0 then 1 the bitmap, 0 then 2 moves by a
    /// (right, up) pair, 0 then n copies n literal indices padded to a 16-bit boundary. As in Pillow, the codes must
    /// reach the last pixel. The buffer grows with the pixels the codes reach, so a header cannot claim memory alone.
    /// </summary>
    private static byte[] Expand(ReadOnlySpan<byte> codes, int width, int height, bool rle4)
    {
        long total = (long)width * height;
        var indices = new byte[System.Math.Min(total, 1 << 16)];
        int position = 0;
        long x = 0, y = 0;
        while (y < height)
        {
            if (position + 2 > codes.Length)
                throw new ImageDataException($"BMP RLE data ends at row {y} of {height} without an end-of-bitmap code");
            int count = codes[position], value = codes[position + 1];
            position += 2;
            if (count > 0)
            {
                for (int i = 0; i < count && x < width; i++, x++)
                    Put(ref indices, total, y * width + x, (byte)(!rle4 ? value : i % 2 == 0 ? value >> 4 : value & 0x0F));
                continue;
            }
            switch (value)
            {
                case 0:
                    (x, y) = (0, y + 1);
                    break;
                case 1:
                    if (y * width + System.Math.Min(x, width) < total)
                        throw new ImageDataException($"BMP RLE data ends at pixel {x} of row {y}, before covering the {width}x{height} image");
                    return indices;
                case 2:
                    if (position + 2 > codes.Length)
                        throw new ImageDataException("BMP RLE delta code is truncated");
                    x += codes[position];
                    y += codes[position + 1];
                    position += 2;
                    break;
                default:
                    int literalBytes = rle4 ? (value + 1) / 2 : value;
                    if (position + literalBytes > codes.Length)
                        throw new ImageDataException("BMP RLE literal run is truncated");
                    for (int i = 0; i < value && x < width; i++, x++)
                        Put(ref indices, total, y * width + x, (byte)(!rle4 ? codes[position + i] : i % 2 == 0 ? codes[position + i / 2] >> 4 : codes[position + i / 2] & 0x0F));
                    position += (literalBytes + 1) & ~1;
                    break;
            }
        }
        if (indices.Length < total)
            Array.Resize(ref indices, (int)total);
        return indices;
    }

    private static void Put(ref byte[] indices, long total, long at, byte value)
    {
        if (at >= indices.Length)
            Array.Resize(ref indices, (int)System.Math.Min(total, System.Math.Max(at + 1, indices.Length * 2L)));
        indices[at] = value;
    }

    /// <summary>The red, green and blue masks: from the header for bit fields, else 5-5-5 (16 bits) or 8-8-8.</summary>
    private static uint[] Masks(ReadOnlySpan<byte> data, int headerSize, ReadOnlySpan<byte> info, int bits, int compression)
    {
        if (compression == Rgb)
            return bits == 16 ? [0x7C00, 0x3E0, 0x1F] : [0xFF0000, 0xFF00, 0xFF];
        // The V2 and later headers hold the masks; after BITMAPINFOHEADER (and OS/2 2.x) they follow it.
        ReadOnlySpan<byte> fields = headerSize is >= 52 and not 64 ? info[40..] : EncodedBytes.Slice(data, 14 + headerSize, 12, Format, "bit-field masks");
        uint[] masks = [BinaryPrimitives.ReadUInt32LittleEndian(fields), BinaryPrimitives.ReadUInt32LittleEndian(fields[4..]), BinaryPrimitives.ReadUInt32LittleEndian(fields[8..])];
        if (bits < 32)
            for (int c = 0; c < 3; c++)
                masks[c] &= (uint)((1L << bits) - 1);
        return masks;
    }

    private static void ReadMasked(ReadOnlySpan<byte> rows, DecodedImage image, int bits, uint[] masks)
    {
        int width = image.Width, bytes = bits / 8;
        long stride = Stride(width, bits);
        var shifts = new int[3];
        var maxima = new uint[3];
        for (int c = 0; c < 3; c++)
        {
            shifts[c] = masks[c] == 0 ? 0 : BitOperations.TrailingZeroCount(masks[c]);
            maxima[c] = masks[c] >> shifts[c];
            if (masks[c] != 0 && (maxima[c] & (maxima[c] + 1)) != 0)
                throw new ImageDataException($"BMP bit-field mask 0x{masks[c]:X} is not one run of bits");
        }
        for (int y = 0; y < image.Height; y++)
            for (int x = 0; x < width; x++)
            {
                int at = (int)(y * stride) + x * bytes;
                uint pixel = bytes switch
                {
                    2 => BinaryPrimitives.ReadUInt16LittleEndian(rows[at..]),
                    3 => (uint)(rows[at] | rows[at + 1] << 8 | rows[at + 2] << 16),
                    _ => BinaryPrimitives.ReadUInt32LittleEndian(rows[at..]),
                };
                for (int c = 0; c < 3; c++)
                {
                    ulong value = (pixel & masks[c]) >> shifts[c];
                    int size = BitOperations.PopCount(maxima[c]);
                    image.Pixels[((long)y * width + x) * 3 + c] = (byte)(size == 0 ? 0 : size >= 8 ? value >> (size - 8) : value * 255 / maxima[c]);
                }
            }
    }

    private static DecodedImage FlipRows(DecodedImage image)
    {
        int rowBytes = image.Width * 3;
        var flipped = new byte[image.Pixels.Length];
        for (int y = 0; y < image.Height; y++)
            image.Pixels.AsSpan(y * rowBytes, rowBytes).CopyTo(flipped.AsSpan((image.Height - 1 - y) * rowBytes));
        return image with { Pixels = flipped };
    }
}
