namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// Interleaves three full-size component planes into RGB pixels, converting from YCbCr (JFIF / T.871) with
/// libjpeg's fixed-point tables: coefficients scaled by 2^16 and rounded, products rounded half up except the
/// green term, whose two parts are summed before one rounding shift; results clamp to [0, 255].
/// </summary>
internal static class JpegColorConverter
{
    private const int ScaleBits = 16, Half = 1 << (ScaleBits - 1);
    private static readonly int[] CrToRed = new int[256], CbToBlue = new int[256], CrToGreen = new int[256], CbToGreen = new int[256];

    static JpegColorConverter()
    {
        for (int i = 0; i < 256; i++)
        {
            int x = i - 128;
            CrToRed[i] = (Fixed(1.40200) * x + Half) >> ScaleBits;
            CbToBlue[i] = (Fixed(1.77200) * x + Half) >> ScaleBits;
            CrToGreen[i] = -Fixed(0.71414) * x;
            CbToGreen[i] = -Fixed(0.34414) * x + Half;
        }
    }

    private static int Fixed(double value) => (int)(value * (1 << ScaleBits) + 0.5);

    public static byte[] Convert(int width, int height, JpegPlane y, JpegPlane cb, JpegPlane cr, bool ycbcr)
    {
        var pixels = new byte[width * height * 3];
        for (int row = 0; row < height; row++)
        {
            ReadOnlySpan<byte> luma = y.Samples.AsSpan(row * y.Stride, width);
            ReadOnlySpan<byte> blue = cb.Samples.AsSpan(row * cb.Stride, width), red = cr.Samples.AsSpan(row * cr.Stride, width);
            Span<byte> output = pixels.AsSpan(row * width * 3, width * 3);
            for (int x = 0; x < width; x++)
            {
                if (ycbcr)
                {
                    int l = luma[x];
                    output[3 * x] = Clamp(l + CrToRed[red[x]]);
                    output[3 * x + 1] = Clamp(l + ((CbToGreen[blue[x]] + CrToGreen[red[x]]) >> ScaleBits));
                    output[3 * x + 2] = Clamp(l + CbToBlue[blue[x]]);
                }
                else
                {
                    output[3 * x] = luma[x];
                    output[3 * x + 1] = blue[x];
                    output[3 * x + 2] = red[x];
                }
            }
        }
        return pixels;
    }

    private static byte Clamp(int value) => (byte)(value < 0 ? 0 : value > 255 ? 255 : value);
}
