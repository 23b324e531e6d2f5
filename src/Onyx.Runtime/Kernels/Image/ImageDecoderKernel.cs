using Onyx.Runtime.Kernels.Image.Decoding;

namespace Onyx.Runtime.Kernels.Image;

/// <summary>
/// ImageDecoder (v20): decodes the 1-D uint8 'encoded_stream' (format found by its signature: PNG, BMP, PNM, TIFF,
/// JPEG) to a uint8 [height, width, channels] image, matching the reference implementation's Pillow: pixel_format RGB or
/// BGR gives 3 channels (gray repeated, alpha dropped), Grayscale 1, color turned to gray as Pillow's "L" conversion
/// does, (19595 R + 38470 G + 7471 B + 32768) >> 16.
/// </summary>
internal static class ImageDecoderKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.From("ImageDecoder", 20, Create)];

    private enum PixelFormat { Rgb, Bgr, Grayscale }

    private static Kernel Create(KernelNode node)
    {
        PixelFormat format = node.Choice("pixel_format", "RGB",
            ("RGB", PixelFormat.Rgb), ("BGR", PixelFormat.Bgr), ("Grayscale", PixelFormat.Grayscale));
        return new DelegateKernel(context =>
        {
            Tensor stream = context.Tensor(0);
            if (stream.DataType != DataType.UInt8 || stream.Dims.Length != 1)
                throw context.Fail($"input 'encoded_stream' must be a 1-D uint8 tensor, found {stream.DataType.TypeName()} of rank {stream.Dims.Length}");
            DecodedImage image;
            try
            {
                image = Decode(stream.AsSpan<byte>());
            }
            catch (ImageDataException e)
            {
                throw context.Fail($"cannot decode 'encoded_stream': {e.Message}");
            }
            int channels = format == PixelFormat.Grayscale ? 1 : 3;
            Write(image, format, context.Output<byte>(0, DataType.UInt8, [image.Height, image.Width, channels]));
        });
    }

    /// <summary>Decodes <paramref name="data"/> with the decoder its signature names.</summary>
    internal static DecodedImage Decode(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngDecoder.Signature))
            return PngDecoder.Decode(data);
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return JpegDecoder.Decode(data);
        if (data.StartsWith(BmpDecoder.Signature))
            return BmpDecoder.Decode(data);
        if (data.StartsWith(TiffDecoder.LittleEndianSignature) || data.StartsWith(TiffDecoder.BigEndianSignature))
            return TiffDecoder.Decode(data);
        if (PnmDecoder.Matches(data))
            return PnmDecoder.Decode(data);
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
            throw new ImageDataException("WebP is not supported");
        if (data.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) || data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x4F, 0xFF, 0x51]))
            throw new ImageDataException("JPEG 2000 is not supported");
        throw new ImageDataException($"the data ({data.Length} bytes, starting {Convert.ToHexString(data[..System.Math.Min(8, data.Length)])}) has no known image signature (PNG, JPEG, BMP, TIFF, PNM)");
    }

    private static void Write(DecodedImage image, PixelFormat format, Span<byte> output)
    {
        ReadOnlySpan<byte> pixels = image.Pixels;
        long count = (long)image.Height * image.Width;
        for (int i = 0; i < count; i++)
        {
            if (image.Channels == 1)
            {
                if (format == PixelFormat.Grayscale)
                    output[i] = pixels[i];
                else
                    output.Slice(i * 3, 3).Fill(pixels[i]);
                continue;
            }
            byte r = pixels[i * 3], g = pixels[i * 3 + 1], b = pixels[i * 3 + 2];
            switch (format)
            {
                case PixelFormat.Grayscale:
                    output[i] = (byte)((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
                    break;
                case PixelFormat.Rgb:
                    (output[i * 3], output[i * 3 + 1], output[i * 3 + 2]) = (r, g, b);
                    break;
                default:
                    (output[i * 3], output[i * 3 + 1], output[i * 3 + 2]) = (b, g, r);
                    break;
            }
        }
    }
}
