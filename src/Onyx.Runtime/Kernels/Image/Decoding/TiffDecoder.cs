using System.Buffers.Binary;

namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// Baseline TIFF 6.0, first image only: either byte order; strips or tiles; no compression, PackBits, LZW or Deflate
/// (Adobe and old codes), horizontal predictor; white-is-zero, black-is-zero, RGB and palette photometrics; chunky or
/// planar samples; 1, 2, 4, 8 and 16 bits per sample. Samples reach 8 bits as Pillow reads them: gray below 8 bits
/// scaled to 0-255 (inverted for white-is-zero), 16-bit gray clipped at 255 and never inverted (Pillow's "I;16"), other
/// 16-bit samples keep their high byte, colormap entries their high byte; extra samples are dropped, associated alpha
/// is divided out first.
/// </summary>
internal static class TiffDecoder
{
    private const string Format = "TIFF";

    private const int NoCompression = 1, Lzw = 5, AdobeDeflate = 8, PackBits = 32773, OldDeflate = 32946;

    private const int WhiteIsZero = 0, BlackIsZero = 1, RgbPhotometric = 2, PalettePhotometric = 3;

    public static ReadOnlySpan<byte> LittleEndianSignature => "II*\0"u8;

    public static ReadOnlySpan<byte> BigEndianSignature => "MM\0*"u8;

    /// <summary>One image file directory: tag to values, read in the file's byte order.</summary>
    private sealed class Directory(Dictionary<int, long[]> tags)
    {
        public long[]? Values(int tag) => tags.GetValueOrDefault(tag);

        public long Value(int tag, long fallback) => tags.TryGetValue(tag, out long[]? values) && values.Length > 0 ? values[0] : fallback;

        public long Required(int tag, string name) =>
            tags.TryGetValue(tag, out long[]? values) && values.Length > 0 ? values[0] : throw new ImageDataException($"TIFF directory lacks the {name} tag ({tag})");
    }

    /// <summary>How the samples are laid out: planes (1 chunky, else one per sample), each chunk's size, the chunks.</summary>
    private sealed record Layout(int Width, int Height, int Bits, int Samples, int Planes, bool Tiled, int ChunkWidth, int ChunkHeight, long[] Offsets, long[] Counts)
    {
        public int SamplesPerPlane => Samples / Planes;

        public long RowBytes(int width) => ((long)width * Bits * SamplesPerPlane + 7) / 8;

        public int ChunksAcross => (Width + ChunkWidth - 1) / ChunkWidth;

        public int ChunksDown => (Height + ChunkHeight - 1) / ChunkHeight;

        /// <summary>The rows chunk <paramref name="chunk"/> holds: a tile's full height, a strip's cut at the image's end.</summary>
        public int ChunkRows(int chunk) =>
            Tiled ? ChunkHeight : System.Math.Min(ChunkHeight, Height - chunk / ChunksAcross % ChunksDown * ChunkHeight);
    }

    public static DecodedImage Decode(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> header = EncodedBytes.Slice(data, 0, 8, Format, "header");
        bool little = header.StartsWith(LittleEndianSignature);
        if (!little && !header.StartsWith(BigEndianSignature))
            throw new ImageDataException("TIFF data does not start with 'II*\\0' or 'MM\\0*'");
        Directory directory = ReadDirectory(data, little, Read32(header[4..], little));
        int compression = (int)directory.Value(259, NoCompression);
        if (compression is not (NoCompression or Lzw or AdobeDeflate or PackBits or OldDeflate))
            throw new ImageDataException($"TIFF compression {compression} is not supported (only none, LZW, Deflate and PackBits)");
        int predictor = (int)directory.Value(317, 1);
        if (predictor is not (1 or 2))
            throw new ImageDataException($"TIFF predictor {predictor} is not supported (only 1, none, and 2, horizontal)");
        if (directory.Value(339, 1) != 1)
            throw new ImageDataException($"TIFF sample format {directory.Value(339, 1)} is not supported (only 1, unsigned integers)");
        if (directory.Value(266, 1) != 1)
            throw new ImageDataException($"TIFF fill order {directory.Value(266, 1)} is not supported (only 1)");
        Layout layout = ReadLayout(directory, (int)directory.Value(262, -1));
        if (predictor == 2 && layout.Bits is not (8 or 16))
            throw new ImageDataException($"TIFF horizontal predictor needs 8 or 16 bits per sample, found {layout.Bits}");
        byte[][] planes = ReadPlanes(data, layout, compression, predictor == 2, little);
        return ToImage(directory, layout, planes, little);
    }

    private static Directory ReadDirectory(ReadOnlySpan<byte> data, bool little, long offset)
    {
        int count = Read16(EncodedBytes.Slice(data, offset, 2, Format, "directory entry count"), little);
        ReadOnlySpan<byte> entries = EncodedBytes.Slice(data, offset + 2, count * 12L, Format, "directory");
        var tags = new Dictionary<int, long[]>();
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> entry = entries.Slice(i * 12, 12);
            int tag = Read16(entry, little), type = Read16(entry[2..], little);
            long valueCount = Read32(entry[4..], little);
            int size = type switch { 1 or 2 or 6 or 7 => 1, 3 or 8 => 2, 4 or 9 or 13 => 4, _ => 0 };
            if (size == 0)
                continue;
            long bytes = valueCount * size;
            ReadOnlySpan<byte> values = bytes <= 4 ? entry.Slice(8, (int)bytes) : EncodedBytes.Slice(data, Read32(entry[8..], little), bytes, Format, $"values of tag {tag}");
            var read = new long[valueCount];
            for (int v = 0; v < valueCount; v++)
                read[v] = size switch { 1 => values[v], 2 => Read16(values[(v * 2)..], little), _ => Read32(values[(v * 4)..], little) };
            tags[tag] = read;
        }
        return new Directory(tags);
    }

    private static Layout ReadLayout(Directory directory, int photometric)
    {
        long width = directory.Required(256, "ImageWidth"), height = directory.Required(257, "ImageLength");
        EncodedBytes.CheckSize(Format, width, height);
        int samples = (int)System.Math.Min(directory.Value(277, 1), 64);
        long[] bitsPerSample = directory.Values(258) ?? [1];
        long bits = bitsPerSample[0];
        if (Array.Exists(bitsPerSample, b => b != bits) || bits is not (1 or 2 or 4 or 8 or 16))
            throw new ImageDataException($"TIFF bits per sample ({string.Join(", ", bitsPerSample)}) are not supported; every sample must have 1, 2, 4, 8 or 16");
        int colorSamples = photometric switch
        {
            WhiteIsZero or BlackIsZero or PalettePhotometric => 1,
            RgbPhotometric => 3,
            _ => throw new ImageDataException($"TIFF photometric interpretation {photometric} is not supported (only 0 white-is-zero, 1 black-is-zero, 2 RGB, 3 palette)"),
        };
        if (samples < colorSamples)
            throw new ImageDataException($"TIFF image has {samples} samples per pixel; photometric {photometric} needs at least {colorSamples}");
        if (photometric == RgbPhotometric && bits < 8)
            throw new ImageDataException($"TIFF RGB image has {bits} bits per sample; expected 8 or 16");
        int planes = directory.Value(284, 1) == 2 ? samples : 1;
        long[]? tileOffsets = directory.Values(324);
        long chunkWidth = width, chunkHeight = System.Math.Min(directory.Value(278, height), height);
        if (tileOffsets is not null)
        {
            chunkWidth = directory.Required(322, "TileWidth");
            chunkHeight = directory.Required(323, "TileLength");
        }
        if (chunkWidth <= 0 || chunkHeight <= 0 || chunkWidth > EncodedBytes.MaxPixels || chunkWidth * chunkHeight * samples > EncodedBytes.MaxPixels)
            throw new ImageDataException($"TIFF strips or tiles of {chunkWidth}x{chunkHeight} pixels are not allowed");
        long[] offsets = tileOffsets ?? directory.Values(273) ?? throw new ImageDataException("TIFF directory lacks the StripOffsets tag (273)");
        long[] counts = directory.Values(tileOffsets is null ? 279 : 325) ?? throw new ImageDataException("TIFF directory lacks the strip or tile byte counts");
        var layout = new Layout((int)width, (int)height, (int)bits, samples, planes, tileOffsets is not null, (int)chunkWidth, (int)chunkHeight, offsets, counts);
        long needed = (long)layout.ChunksAcross * layout.ChunksDown * planes;
        if (offsets.Length < needed || counts.Length < needed)
            throw new ImageDataException($"TIFF image needs {needed} strips or tiles, found {offsets.Length} offsets and {counts.Length} byte counts");
        return layout;
    }

    /// <summary>Each plane's samples as packed rows of the full image.</summary>
    private static byte[][] ReadPlanes(ReadOnlySpan<byte> data, Layout layout, int compression, bool predictor, bool little)
    {
        long rowBytes = layout.RowBytes(layout.Width), chunkRowBytes = layout.RowBytes(layout.ChunkWidth);
        for (int chunk = 0; chunk < layout.ChunksAcross * layout.ChunksDown * layout.Planes; chunk++)
            if (chunkRowBytes * layout.ChunkRows(chunk) is var bytes && bytes > System.Math.Max(layout.Counts[chunk], 1) * MaxRatio(compression))
                throw new ImageDataException($"TIFF strip or tile {chunk} holds {layout.Counts[chunk]} bytes, too few for the {bytes} bytes its size implies");
        var planes = new byte[layout.Planes][];
        for (int plane = 0; plane < layout.Planes; plane++)
        {
            planes[plane] = new byte[rowBytes * layout.Height];
            for (int down = 0; down < layout.ChunksDown; down++)
                for (int across = 0; across < layout.ChunksAcross; across++)
                {
                    int chunk = (plane * layout.ChunksDown + down) * layout.ChunksAcross + across;
                    int top = down * layout.ChunkHeight, rows = layout.ChunkRows(chunk);
                    ReadOnlySpan<byte> stored = EncodedBytes.Slice(data, layout.Offsets[chunk], layout.Counts[chunk], Format, $"strip or tile {chunk}");
                    byte[] pixels = Decompress(stored, (int)(chunkRowBytes * rows), compression);
                    if (predictor)
                        UndoPredictor(pixels, chunkRowBytes, layout.SamplesPerPlane, layout.Bits, little);
                    int left = across * layout.ChunkWidth;
                    long copyBits = (long)System.Math.Min(layout.ChunkWidth, layout.Width - left) * layout.Bits * layout.SamplesPerPlane;
                    for (int row = 0; row < rows && top + row < layout.Height; row++)
                        CopyBits(pixels, row * chunkRowBytes * 8, planes[plane], (top + row) * rowBytes * 8 + (long)left * layout.Bits * layout.SamplesPerPlane, copyBits);
                }
        }
        return planes;
    }

    /// <summary>The most a stored byte can expand to under <paramref name="compression"/>; bounds sizes before allocating.</summary>
    private static long MaxRatio(int compression) => compression switch
    {
        NoCompression => 1,
        PackBits => 64,
        AdobeDeflate or OldDeflate => 1100,
        _ => 4096,
    };

    private static byte[] Decompress(ReadOnlySpan<byte> stored, int expected, int compression)
    {
        switch (compression)
        {
            case NoCompression:
                return stored.Length >= expected ? stored[..expected].ToArray()
                    : throw new ImageDataException($"TIFF strip or tile holds {stored.Length} bytes; its size implies {expected}");
            case AdobeDeflate or OldDeflate:
                return ZlibData.Inflate(stored.ToArray(), expected, Format);
            case PackBits:
                return UnpackBits(stored, expected);
            default:
                return LzwDecode(stored, expected);
        }
    }

    /// <summary>PackBits (TIFF 6.0 section 9): n in 0..127 copies n + 1 bytes, -127..-1 repeats the next byte 1 - n times, -128 is skipped.</summary>
    private static byte[] UnpackBits(ReadOnlySpan<byte> stored, int expected)
    {
        var output = new byte[expected];
        int filled = 0, position = 0;
        while (filled < expected)
        {
            if (position >= stored.Length)
                throw new ImageDataException($"TIFF PackBits data ends after {filled} of {expected} bytes");
            int n = (sbyte)stored[position++];
            if (n == -128)
                continue;
            int length = System.Math.Min(n >= 0 ? n + 1 : 1 - n, expected - filled);
            if (n >= 0)
            {
                if (position + length > stored.Length)
                    throw new ImageDataException("TIFF PackBits literal run is truncated");
                stored.Slice(position, length).CopyTo(output.AsSpan(filled));
                position += n + 1;
            }
            else
            {
                if (position >= stored.Length)
                    throw new ImageDataException("TIFF PackBits repeat run is truncated");
                output.AsSpan(filled, length).Fill(stored[position++]);
            }
            filled += length;
        }
        return output;
    }

    /// <summary>
    /// TIFF LZW (TIFF 6.0 section 13): codes of 9 to 12 bits, most significant bit first; 256 clears the table, 257 ends
    /// the data; the code width grows one code early, as the TIFF writers do.
    /// </summary>
    private static byte[] LzwDecode(ReadOnlySpan<byte> stored, int expected)
    {
        if (stored.Length >= 2 && stored[0] == 0 && (stored[1] & 1) != 0)
            throw new ImageDataException("TIFF LZW data uses the old (pre-6.0) bit order, which is not supported");
        const int Clear = 256, End = 257;
        var prefix = new int[4096];
        var suffix = new byte[4096];
        var lengths = new int[4096];
        for (int i = 0; i < 256; i++)
            (suffix[i], lengths[i]) = ((byte)i, 1);
        var output = new byte[expected];
        int filled = 0, next = 258, width = 9, previous = -1;
        long bitPosition = 0;
        while (filled < expected)
        {
            if (bitPosition + width > stored.Length * 8L)
                throw new ImageDataException($"TIFF LZW data ends after {filled} of {expected} bytes");
            int code = 0;
            for (int b = 0; b < width; b++, bitPosition++)
                code = (code << 1) | ((stored[(int)(bitPosition >> 3)] >> (7 - (int)(bitPosition & 7))) & 1);
            if (code == End)
                throw new ImageDataException($"TIFF LZW data ends after {filled} of {expected} bytes");
            if (code == Clear)
            {
                (next, width, previous) = (258, 9, -1);
                continue;
            }
            if (code > next || (code == next && previous < 0))
                throw new ImageDataException($"TIFF LZW data holds code {code} before the table has it");
            if (previous >= 0 && next < 4096)
            {
                prefix[next] = previous;
                lengths[next] = lengths[previous] + 1;
                suffix[next] = First(code == next ? previous : code, prefix, suffix, lengths);
                next++;
            }
            filled = Emit(code, prefix, suffix, lengths, output, filled);
            previous = code;
            if (next + 1 >= 1 << width && width < 12)
                width++;
        }
        return output;
    }

    private static byte First(int code, int[] prefix, byte[] suffix, int[] lengths)
    {
        while (lengths[code] > 1)
            code = prefix[code];
        return suffix[code];
    }

    /// <summary>Writes the string of <paramref name="code"/> at <paramref name="filled"/>, cut at the output's end.</summary>
    private static int Emit(int code, int[] prefix, byte[] suffix, int[] lengths, byte[] output, int filled)
    {
        int length = lengths[code];
        for (int i = length - 1; i >= 0; i--, code = prefix[code])
            if (filled + i < output.Length)
                output[filled + i] = suffix[code];
        return System.Math.Min(filled + length, output.Length);
    }

    /// <summary>Horizontal differencing (TIFF 6.0 section 14): each sample after the first of a row adds the one a pixel before.</summary>
    private static void UndoPredictor(byte[] pixels, long rowBytes, int samples, int bits, bool little)
    {
        int bytes = bits / 8;
        for (long row = 0; row + rowBytes <= pixels.Length; row += rowBytes)
        {
            Span<byte> line = pixels.AsSpan((int)row, (int)rowBytes);
            for (int i = samples * bytes; i + bytes <= line.Length; i += bytes)
                if (bytes == 1)
                    line[i] += line[i - samples];
                else
                    Write16(line[i..], (ushort)(Read16(line[i..], little) + Read16(line[(i - samples * 2)..], little)), little);
        }
    }

    private static void CopyBits(byte[] source, long sourceBit, byte[] target, long targetBit, long count)
    {
        if (sourceBit % 8 == 0 && targetBit % 8 == 0 && count % 8 == 0)
        {
            source.AsSpan((int)(sourceBit / 8), (int)(count / 8)).CopyTo(target.AsSpan((int)(targetBit / 8)));
            return;
        }
        for (long i = 0; i < count; i++)
        {
            long s = sourceBit + i, t = targetBit + i;
            int bit = (source[s / 8] >> (int)(7 - s % 8)) & 1;
            target[t / 8] = (byte)((target[t / 8] & ~(1 << (int)(7 - t % 8))) | (bit << (int)(7 - t % 8)));
        }
    }

    private static DecodedImage ToImage(Directory directory, Layout layout, byte[][] planes, bool little)
    {
        int photometric = (int)directory.Value(262, -1);
        int channels = photometric == RgbPhotometric || photometric == PalettePhotometric ? 3 : 1;
        bool associatedAlpha = photometric == RgbPhotometric && layout.Samples > 3 && directory.Value(338, 0) == 1;
        long[]? colormap = photometric == PalettePhotometric ? directory.Values(320) : null;
        int entries = 1 << layout.Bits;
        if (photometric == PalettePhotometric && (colormap is null || colormap.Length < 3 * entries))
            throw new ImageDataException($"TIFF palette image needs a ColorMap tag (320) of {3 * entries} values, found {colormap?.Length ?? 0}");
        int width = layout.Width, bits = layout.Bits;
        long rowBytes = layout.RowBytes(width);
        var pixels = new byte[(long)width * layout.Height * channels];
        for (int y = 0; y < layout.Height; y++)
            for (int x = 0; x < width; x++)
            {
                long at = ((long)y * width + x) * channels;
                if (colormap is not null)
                {
                    int index = Sample(planes, layout, rowBytes, y, x, 0, little);
                    for (int c = 0; c < 3; c++)
                        pixels[at + c] = (byte)(colormap[c * entries + index] >> 8);
                    continue;
                }
                for (int c = 0; c < channels; c++)
                {
                    int value = Sample(planes, layout, rowBytes, y, x, c, little);
                    pixels[at + c] = bits switch
                    {
                        16 when channels == 1 => (byte)System.Math.Min(value, 255),
                        16 => (byte)(value >> 8),
                        8 => (byte)value,
                        _ => (byte)(value * 255 / ((1 << bits) - 1)),
                    };
                    if (photometric == WhiteIsZero && bits < 16)
                        pixels[at + c] = (byte)(255 - pixels[at + c]);
                }
                if (associatedAlpha)
                {
                    int alpha = Sample(planes, layout, rowBytes, y, x, 3, little) >> (bits - 8);
                    for (int c = 0; c < 3; c++)
                        pixels[at + c] = (byte)(alpha == 0 ? 0 : System.Math.Min(255, pixels[at + c] * 255 / alpha));
                }
            }
        return new DecodedImage(layout.Height, width, channels, pixels);
    }

    /// <summary>Sample <paramref name="sample"/> of pixel (<paramref name="x"/>, <paramref name="y"/>) as stored.</summary>
    private static int Sample(byte[][] planes, Layout layout, long rowBytes, int y, int x, int sample, bool little)
    {
        bool planar = layout.Planes > 1;
        byte[] plane = planes[planar ? sample : 0];
        long index = (long)x * layout.SamplesPerPlane + (planar ? 0 : sample);
        long row = y * rowBytes;
        return layout.Bits switch
        {
            16 => Read16(plane.AsSpan((int)(row + index * 2)), little),
            8 => plane[row + index],
            _ => (plane[row + index * layout.Bits / 8] >> (int)(8 - layout.Bits - index * layout.Bits % 8)) & ((1 << layout.Bits) - 1),
        };
    }

    private static int Read16(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    private static long Read32(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

    private static void Write16(Span<byte> bytes, ushort value, bool little)
    {
        if (little)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        else
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
    }
}
