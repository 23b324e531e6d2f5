using System.IO.Compression;

namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>Inflates a zlib stream (RFC 1950) into a buffer of the size its header implies, reading no further than that.</summary>
internal static class ZlibData
{
    /// <summary>More than Deflate can expand: a 258-byte match costs at least 2 bits.</summary>
    private const int MaxRatio = 1100;

    /// <summary>The first <paramref name="expected"/> bytes <paramref name="compressed"/> inflates to; fails on a broken or short stream.</summary>
    public static byte[] Inflate(byte[] compressed, int expected, string format)
    {
        if (expected / MaxRatio > compressed.Length)
            throw new ImageDataException($"{format} compressed data of {compressed.Length} bytes cannot inflate to the {expected} bytes the header implies");
        var output = new byte[expected];
        int filled = 0;
        try
        {
            using var stream = new ZLibStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            while (filled < expected)
            {
                int read = stream.Read(output, filled, expected - filled);
                if (read == 0)
                    break;
                filled += read;
            }
        }
        catch (InvalidDataException e)
        {
            throw new ImageDataException($"{format} compressed data is not a valid zlib stream: {e.Message}");
        }
        return filled == expected ? output
            : throw new ImageDataException($"{format} compressed data ends after {filled} of the {expected} bytes the header implies");
    }
}
