using Onyx.Runtime.Kernels.Image;
using static Onyx.Tests.Runtime.ImageKernels.ImageDecoderNode;

namespace Onyx.Tests.Runtime.ImageKernels;

/// <summary>The ImageDecoder kernel on the test images of every format variant, against the pixels Pillow gives.</summary>
public sealed class ImageDecoderFileTests
{
    public static TheoryData<string> Files() => [.. Images()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_test_image_decodes_to_Pillows_pixels_as_RGB_BGR_and_Grayscale(string file)
    {
        byte[] encoded = Image(file);
        var (height, width, rgb, gray) = Expected(Path.GetFileNameWithoutExtension(file));

        var (dims, pixels) = Decode(encoded, "RGB");
        Assert.Equal([height, width, 3L], dims);
        Assert.Equal(rgb, pixels);

        byte[] bgr = [.. rgb.Chunk(3).SelectMany(p => p.Reverse())];
        Assert.Equal(bgr, Decode(encoded, "BGR").Pixels);

        (dims, pixels) = Decode(encoded, "Grayscale");
        Assert.Equal([height, width, 1L], dims);
        Assert.Equal(gray, pixels);
    }

    [Fact]
    public void The_test_images_cover_each_format()
    {
        string[] files = Images();
        Assert.True(files.Count(f => f.EndsWith(".png")) >= 20, "PNG test images are missing from the output folder");
        Assert.True(files.Count(f => f.EndsWith(".bmp")) >= 15, "BMP test images are missing from the output folder");
        Assert.True(files.Count(f => f.EndsWith(".pbm") || f.EndsWith(".pgm") || f.EndsWith(".ppm")) >= 18, "PNM test images are missing from the output folder");
        Assert.True(files.Count(f => f.EndsWith(".tif")) >= 20, "TIFF test images are missing from the output folder");
    }

    /// <summary>Every cut of every test image either decodes or fails with <c>ImageDataException</c>, and so do images with a byte changed.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Truncated_or_altered_images_fail_with_a_decoding_error_only(string file)
    {
        byte[] encoded = Image(file);
        int step = System.Math.Max(1, encoded.Length / 97);
        for (int length = 0; length < encoded.Length; length += step)
            DecodesOrReportsBadData(encoded[..length]);
        var random = new Random(file.Length);
        for (int trial = 0; trial < 300; trial++)
        {
            byte[] altered = (byte[])encoded.Clone();
            int at = trial < 150 ? random.Next(System.Math.Min(altered.Length, 160)) : random.Next(altered.Length);
            altered[at] ^= (byte)(1 << random.Next(8));
            DecodesOrReportsBadData(altered);
        }
    }

    private static void DecodesOrReportsBadData(byte[] encoded)
    {
        try
        {
            var image = ImageDecoderKernel.Decode(encoded);
            Assert.Equal((long)image.Height * image.Width * image.Channels, image.Pixels.Length);
        }
        catch (Onyx.Runtime.Kernels.Image.Decoding.ImageDataException)
        {
        }
    }
}
