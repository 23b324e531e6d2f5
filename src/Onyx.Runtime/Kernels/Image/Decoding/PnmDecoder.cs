using System.Buffers.Binary;

namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// Netpbm P1 to P6 (bitmap, graymap, pixmap; ASCII and binary), '#' comments in the header, maxval 1 to 65535 with
/// two big-endian bytes per binary sample above 255. Samples reach 8 bits as Pillow reads them: bit 1 is black; a
/// pixmap sample v becomes round(v / maxval * 255); a graymap one the same up to maxval 255, above it
/// round(v / maxval * 65535) clipped at 255 (Pillow's 32-bit "I" mode converted); binary samples above maxval clip at 255.
/// </summary>
internal static class PnmDecoder
{
    private const string Format = "PNM";

    /// <summary>True when <paramref name="data"/> starts with 'P' and a digit 1 to 6.</summary>
    public static bool Matches(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 'P' && data[1] is >= (byte)'1' and <= (byte)'6';

    public static DecodedImage Decode(ReadOnlySpan<byte> data)
    {
        if (!Matches(data))
            throw new ImageDataException("PNM data does not start with P1 to P6");
        int kind = data[1] - '0';
        bool bitmap = kind is 1 or 4, ascii = kind <= 3;
        int channels = kind is 3 or 6 ? 3 : 1;
        int position = 2;
        long width = Number(data, ref position, "width"), height = Number(data, ref position, "height");
        long maxval = bitmap ? 1 : Number(data, ref position, "maxval");
        EncodedBytes.CheckSize(Format, width, height);
        if (maxval is < 1 or > 65535)
            throw new ImageDataException($"PNM header declares maxval {maxval}; expected 1 to 65535");
        if (!ascii)
        {
            if (position >= data.Length || !IsSpace(data[position]))
                throw new ImageDataException("PNM header must end with one whitespace byte before the binary samples");
            position++;
        }
        long samples = width * height * channels;
        long least = ascii ? samples : bitmap ? (width + 7) / 8 * height : samples * (maxval > 255 ? 2 : 1);
        if (least > data.Length - position)
            throw new ImageDataException($"PNM data is truncated: {data.Length - position} bytes remain for {samples} samples");
        var pixels = new byte[samples];
        byte[] scale = Scale(maxval, gray: channels == 1);
        if (bitmap)
            ReadBits(data, position, ascii, (int)width, (int)height, pixels);
        else if (ascii)
            for (long i = 0; i < samples; i++)
            {
                long value = Number(data, ref position, "sample");
                pixels[i] = value <= maxval ? scale[value] : throw new ImageDataException($"PNM sample {i} is {value}, above maxval {maxval}");
            }
        else
        {
            int bytes = maxval > 255 ? 2 : 1;
            ReadOnlySpan<byte> raster = EncodedBytes.Slice(data, position, samples * bytes, Format, "samples");
            for (int i = 0; i < samples; i++)
                pixels[i] = scale[System.Math.Min(bytes == 2 ? BinaryPrimitives.ReadUInt16BigEndian(raster[(i * 2)..]) : raster[i], maxval)];
        }
        return new DecodedImage((int)height, (int)width, channels, pixels);
    }

    /// <summary>
    /// The 8-bit value of each sample 0 to maxval, as Pillow maps it (see the type's summary): it computes
    /// v / maxval * range in doubles and rounds half to even, so that 300 of 1000 gives 76, 500 of 1000 128.
    /// </summary>
    private static byte[] Scale(long maxval, bool gray)
    {
        long range = gray && maxval > 255 ? 65535 : 255;
        var table = new byte[maxval + 1];
        for (long v = 0; v <= maxval; v++)
            table[v] = (byte)System.Math.Min(255, System.Math.Round((double)v / maxval * range, MidpointRounding.ToEven));
        return table;
    }

    /// <summary>P1 (one '0' or '1' per pixel, whitespace optional) or P4 (rows of bits, padded to a byte); 1 is black.</summary>
    private static void ReadBits(ReadOnlySpan<byte> data, int position, bool ascii, int width, int height, byte[] pixels)
    {
        if (ascii)
        {
            for (int i = 0; i < pixels.Length; i++)
            {
                SkipSpace(data, ref position);
                if (position >= data.Length || data[position] is not ((byte)'0' or (byte)'1'))
                    throw new ImageDataException($"PNM bitmap ends or holds another character where pixel {i} should be");
                pixels[i] = data[position++] == '1' ? (byte)0 : (byte)255;
            }
            return;
        }
        int rowBytes = (width + 7) / 8;
        ReadOnlySpan<byte> raster = EncodedBytes.Slice(data, position, (long)rowBytes * height, Format, "bitmap rows");
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                pixels[y * width + x] = ((raster[y * rowBytes + x / 8] >> (7 - x % 8)) & 1) == 1 ? (byte)0 : (byte)255;
    }

    /// <summary>The next decimal number after whitespace and comments.</summary>
    private static long Number(ReadOnlySpan<byte> data, ref int position, string what)
    {
        SkipSpace(data, ref position);
        long value = 0;
        int start = position;
        while (position < data.Length && data[position] is >= (byte)'0' and <= (byte)'9')
        {
            value = System.Math.Min(value * 10 + data[position] - '0', int.MaxValue);
            position++;
        }
        return position > start ? value : throw new ImageDataException($"PNM data ends or holds another character where the {what} should be (offset {position})");
    }

    private static void SkipSpace(ReadOnlySpan<byte> data, ref int position)
    {
        while (position < data.Length)
        {
            if (data[position] == '#')
                while (position < data.Length && data[position] is not ((byte)'\n' or (byte)'\r'))
                    position++;
            else if (IsSpace(data[position]))
                position++;
            else
                return;
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;
}
