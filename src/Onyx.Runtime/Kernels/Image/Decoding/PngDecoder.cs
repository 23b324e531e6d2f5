using System.Buffers.Binary;

namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// PNG (ISO/IEC 15948): every color type and bit depth, Adam7 interlacing, all five filters, IDAT data split over
/// chunks, chunk CRCs checked. Samples reach 8 bits as Pillow reads them: gray below 8 bits scaled to 0-255, 16-bit gray
/// clipped at 255 (Pillow's 32-bit "I" mode converted), other 16-bit samples keep their high byte; palette indices map
/// through PLTE (indices past it give gray i, Pillow's default palette); alpha and tRNS are dropped.
/// </summary>
internal static class PngDecoder
{
    private const string Format = "PNG";

    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly uint[] CrcTable = BuildCrcTable();

    private sealed record Header(int Width, int Height, int BitDepth, int ColorType, bool Interlaced)
    {
        public int SamplesPerPixel => ColorType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };

        public int BitsPerPixel => SamplesPerPixel * BitDepth;

        public long RowBytes(int width) => ((long)width * BitsPerPixel + 7) / 8;
    }

    public static DecodedImage Decode(ReadOnlySpan<byte> data)
    {
        if (!data.StartsWith(Signature))
            throw new ImageDataException("PNG data does not start with the PNG signature");
        Header? header = null;
        byte[]? palette = null;
        var compressed = new MemoryStream();
        bool ended = false;
        long offset = Signature.Length;
        // Like Pillow, accept data that ends after a whole chunk once image data has come, without IEND.
        while (!ended && (offset < data.Length || compressed.Length == 0))
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(EncodedBytes.Slice(data, offset, 4, Format, "chunk length"));
            ReadOnlySpan<byte> typeAndData = EncodedBytes.Slice(data, offset + 4, 4L + length, Format, "chunk");
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(EncodedBytes.Slice(data, offset + 8 + length, 4, Format, "chunk CRC"));
            string type = System.Text.Encoding.ASCII.GetString(typeAndData[..4]);
            if (Crc(typeAndData) != crc)
                throw new ImageDataException($"PNG chunk '{type}' at offset {offset} fails its CRC check");
            ReadOnlySpan<byte> body = typeAndData[4..];
            if (header is null && type != "IHDR")
                throw new ImageDataException($"PNG data starts with chunk '{type}'; the first chunk must be IHDR");
            switch (type)
            {
                case "IHDR" when header is null:
                    header = ReadHeader(body);
                    break;
                case "IHDR":
                    throw new ImageDataException("PNG data has a second IHDR chunk");
                case "PLTE":
                    if (body.Length % 3 != 0 || body.Length is 0 or > 768)
                        throw new ImageDataException($"PNG PLTE chunk has {body.Length} bytes; expected 3 per entry, 1 to 256 entries");
                    palette = body.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(body);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }
            offset += 12L + length;
        }
        if (compressed.Length == 0)
            throw new ImageDataException("PNG data has no IDAT chunk");
        Header h = header!;
        if (h.ColorType == 3 && palette is null)
            throw new ImageDataException("PNG palette image (color type 3) has no PLTE chunk");
        byte[] raw = ZlibData.Inflate(compressed.ToArray(), (int)FilteredSize(h), Format);
        return ToImage(h, Unfilter(h, raw), palette);
    }

    private static Header ReadHeader(ReadOnlySpan<byte> body)
    {
        if (body.Length != 13)
            throw new ImageDataException($"PNG IHDR chunk has {body.Length} bytes; expected 13");
        long width = BinaryPrimitives.ReadUInt32BigEndian(body), height = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
        EncodedBytes.CheckSize(Format, width, height);
        int depth = body[8], colorType = body[9];
        bool valid = colorType switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!valid)
            throw new ImageDataException($"PNG IHDR declares color type {colorType} with bit depth {depth}, a combination PNG does not allow");
        if (body[10] != 0 || body[11] != 0)
            throw new ImageDataException($"PNG IHDR declares compression method {body[10]} and filter method {body[11]}; only 0 and 0 exist");
        if (body[12] > 1)
            throw new ImageDataException($"PNG IHDR declares interlace method {body[12]}; expected 0 (none) or 1 (Adam7)");
        return new Header((int)width, (int)height, depth, colorType, body[12] == 1);
    }

    /// <summary>The Adam7 passes (PNG spec 8.2) as (first column, first row, column step, row step); one pass without interlacing.</summary>
    private static (int X, int Y, int Dx, int Dy)[] Passes(Header header) => header.Interlaced
        ? [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
        : [(0, 0, 1, 1)];

    private static (int Width, int Height) PassSize(Header header, (int X, int Y, int Dx, int Dy) pass) =>
        ((header.Width - pass.X + pass.Dx - 1) / pass.Dx, (header.Height - pass.Y + pass.Dy - 1) / pass.Dy);

    /// <summary>The bytes the image data inflates to: per pass, each row's filter byte and packed samples.</summary>
    private static long FilteredSize(Header header)
    {
        long size = 0;
        foreach (var pass in Passes(header))
        {
            var (width, height) = PassSize(header, pass);
            if (width > 0 && height > 0)
                size += height * (1 + header.RowBytes(width));
        }
        return size <= Array.MaxLength ? size : throw new ImageDataException($"PNG image data would inflate to {size} bytes, more than one array holds");
    }

    /// <summary>Reverses the row filters (PNG spec 9.2) and places each pass's pixels; returns packed rows of the full image.</summary>
    private static byte[] Unfilter(Header header, byte[] raw)
    {
        long fullRow = header.RowBytes(header.Width);
        var image = new byte[fullRow * header.Height];
        int bytesPerPixel = System.Math.Max(1, header.BitsPerPixel / 8);
        int position = 0;
        foreach (var pass in Passes(header))
        {
            var (width, height) = PassSize(header, pass);
            if (width == 0 || height == 0)
                continue;
            int rowBytes = (int)header.RowBytes(width);
            var previous = new byte[rowBytes];
            var current = new byte[rowBytes];
            for (int row = 0; row < height; row++)
            {
                int filter = raw[position];
                raw.AsSpan(position + 1, rowBytes).CopyTo(current);
                position += 1 + rowBytes;
                Reconstruct(filter, current, previous, bytesPerPixel);
                Place(header, current, image, fullRow, pass.Y + row * pass.Dy, pass.X, pass.Dx, width);
                (previous, current) = (current, previous);
            }
        }
        return image;
    }

    private static void Reconstruct(int filter, Span<byte> row, ReadOnlySpan<byte> above, int bpp)
    {
        switch (filter)
        {
            case 0:
                break;
            case 1:
                for (int i = bpp; i < row.Length; i++)
                    row[i] += row[i - bpp];
                break;
            case 2:
                for (int i = 0; i < row.Length; i++)
                    row[i] += above[i];
                break;
            case 3:
                for (int i = 0; i < row.Length; i++)
                    row[i] += (byte)(((i >= bpp ? row[i - bpp] : 0) + above[i]) >> 1);
                break;
            case 4:
                for (int i = 0; i < row.Length; i++)
                    row[i] += Paeth(i >= bpp ? row[i - bpp] : (byte)0, above[i], i >= bpp ? above[i - bpp] : (byte)0);
                break;
            default:
                throw new ImageDataException($"PNG row uses filter type {filter}; expected 0 to 4");
        }
    }

    private static byte Paeth(byte left, byte above, byte upperLeft)
    {
        int estimate = left + above - upperLeft;
        int pa = System.Math.Abs(estimate - left), pb = System.Math.Abs(estimate - above), pc = System.Math.Abs(estimate - upperLeft);
        return pa <= pb && pa <= pc ? left : pb <= pc ? above : upperLeft;
    }

    /// <summary>Copies the pixels of one pass row into image row <paramref name="y"/> at columns x0, x0 + dx, ….</summary>
    private static void Place(Header header, ReadOnlySpan<byte> row, byte[] image, long fullRow, int y, int x0, int dx, int width)
    {
        Span<byte> target = image.AsSpan((int)(y * fullRow), (int)fullRow);
        if (dx == 1)
        {
            row.CopyTo(target);
            return;
        }
        int bits = header.BitsPerPixel;
        if (bits >= 8)
        {
            int bytes = bits / 8;
            for (int i = 0; i < width; i++)
                row.Slice(i * bytes, bytes).CopyTo(target[((x0 + i * dx) * bytes)..]);
            return;
        }
        int mask = (1 << bits) - 1;
        for (int i = 0; i < width; i++)
        {
            int value = (row[i * bits / 8] >> (8 - bits - i * bits % 8)) & mask;
            int x = x0 + i * dx;
            int shift = 8 - bits - x * bits % 8;
            target[x * bits / 8] = (byte)((target[x * bits / 8] & ~(mask << shift)) | (value << shift));
        }
    }

    private static DecodedImage ToImage(Header header, byte[] packed, byte[]? palette)
    {
        int width = header.Width, height = header.Height, depth = header.BitDepth, samples = header.SamplesPerPixel;
        int channels = header.ColorType is 2 or 3 or 6 ? 3 : 1;
        var pixels = new byte[(long)width * height * channels];
        long rowBytes = header.RowBytes(width);
        int paletteEntries = palette is null ? 0 : palette.Length / 3;
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = packed.AsSpan((int)(y * rowBytes), (int)rowBytes);
            Span<byte> target = pixels.AsSpan(y * width * channels, width * channels);
            for (int x = 0; x < width; x++)
            {
                if (header.ColorType == 3)
                {
                    int index = SubByteSample(row, x, depth);
                    for (int c = 0; c < 3; c++)
                        target[x * 3 + c] = index < paletteEntries ? palette![index * 3 + c] : (byte)index;
                    continue;
                }
                for (int c = 0; c < channels; c++)
                    target[x * channels + c] = depth switch
                    {
                        16 when header.ColorType == 0 => (byte)System.Math.Min(255, (int)BinaryPrimitives.ReadUInt16BigEndian(row[(x * 2)..])),
                        16 => row[(x * samples + c) * 2],
                        8 => row[x * samples + c],
                        _ => (byte)(SubByteSample(row, x, depth) * 255 / ((1 << depth) - 1)),
                    };
            }
        }
        return new DecodedImage(height, width, channels, pixels);
    }

    private static int SubByteSample(ReadOnlySpan<byte> row, int x, int depth) =>
        depth == 8 ? row[x] : (row[x * depth / 8] >> (8 - depth - x * depth % 8)) & ((1 << depth) - 1);

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFF;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
