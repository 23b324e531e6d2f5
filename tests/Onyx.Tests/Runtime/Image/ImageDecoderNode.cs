using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.ImageKernels;

/// <summary>Runs one ImageDecoder node and reads the test images under Data/ (see Data/README.md).</summary>
internal static class ImageDecoderNode
{
    public static string DataFolder => Path.Combine(AppContext.BaseDirectory, "Runtime", "Image", "Data");

    /// <summary>The decoded image of <paramref name="encoded"/> in <paramref name="pixelFormat"/>, with its shape.</summary>
    public static (long[] Dims, byte[] Pixels) Decode(byte[] encoded, string pixelFormat = "RGB")
    {
        OnnxValue image = Run("ImageDecoder", 20, [OnnxValue.FromArray(encoded, encoded.Length)], String("pixel_format", pixelFormat));
        return ([.. image.Dims], image.ToArray<byte>());
    }

    /// <summary>Asserts that decoding fails with an Onyx exception whose message contains each of <paramref name="parts"/>.</summary>
    public static void AssertFails(byte[] encoded, params string[] parts)
    {
        OnyxException error = Assert.ThrowsAny<OnyxException>(() => Decode(encoded));
        foreach (string part in parts)
            Assert.True(error.Message.Contains(part, StringComparison.Ordinal), $"'{part}' is not in: {error.Message}");
    }

    /// <summary>The bytes of test image <paramref name="file"/>.</summary>
    public static byte[] Image(string file) => File.ReadAllBytes(Path.Combine(DataFolder, file));

    /// <summary>
    /// The pixels Pillow gives for test image <paramref name="name"/>: "HEIGHT WIDTH\n", then RGB bytes, then gray bytes.
    /// </summary>
    public static (int Height, int Width, byte[] Rgb, byte[] Gray) Expected(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(DataFolder, name + ".expected"));
        int newline = Array.IndexOf(bytes, (byte)'\n');
        int[] size = [.. System.Text.Encoding.ASCII.GetString(bytes, 0, newline).Split(' ').Select(int.Parse)];
        int pixels = size[0] * size[1];
        return (size[0], size[1], bytes[(newline + 1)..(newline + 1 + pixels * 3)], bytes[(newline + 1 + pixels * 3)..]);
    }

    /// <summary>The test images' file names, each with an expected-pixels file beside it.</summary>
    public static string[] Images() =>
        [.. Directory.GetFiles(DataFolder).Select(Path.GetFileName).OfType<string>().Where(f => !f.EndsWith(".expected") && !f.EndsWith(".md") && !f.EndsWith(".py")).Order()];
}
