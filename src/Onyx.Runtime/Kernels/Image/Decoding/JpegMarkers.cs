namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>JPEG marker codes (T.81 Table B.1) and the search for the next marker.</summary>
internal static class JpegMarkers
{
    public const int Sof0 = 0xC0, Sof1 = 0xC1, Sof2 = 0xC2, Sof3 = 0xC3, Dht = 0xC4, Jpg = 0xC8, Dac = 0xCC;
    public const int Rst0 = 0xD0, Rst7 = 0xD7, Soi = 0xD8, Eoi = 0xD9, Sos = 0xDA, Dqt = 0xDB, Dnl = 0xDC, Dri = 0xDD;
    public const int App0 = 0xE0, App14 = 0xEE, App15 = 0xEF, Com = 0xFE, Tem = 0x01;

    /// <summary>
    /// Returns the code of the next marker from <paramref name="position"/> and moves past it. Like libjpeg, bytes
    /// other than a marker (left-over entropy-coded data, garbage) are skipped, as are 0xFF fill bytes (B.1.1.2).
    /// </summary>
    public static int Next(ReadOnlySpan<byte> data, ref int position)
    {
        int at = position;
        while (true)
        {
            while (at < data.Length && data[at] != 0xFF)
                at++;
            while (at < data.Length && data[at] == 0xFF)
                at++;
            if (at >= data.Length)
                throw new ImageDataException($"JPEG data is truncated: no end-of-image marker after offset {position} ({data.Length} bytes)");
            if (data[at] != 0)
            {
                position = at + 1;
                return data[at];
            }
            at++;
        }
    }
}
