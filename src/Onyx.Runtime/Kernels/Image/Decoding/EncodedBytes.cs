namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// Checked access to encoded image bytes: every slice and size a decoder takes from a header is checked against the data
/// and the pixel limit before it is used, so that corrupt input gives an <see cref="ImageDataException"/>.
/// </summary>
internal static class EncodedBytes
{
    /// <summary>The most pixels an image may declare, so that one decoded image stays well inside an array.</summary>
    public const long MaxPixels = 1L << 28;

    /// <summary><paramref name="length"/> bytes of <paramref name="data"/> from <paramref name="offset"/>; fails when they run past its end.</summary>
    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, long offset, long length, string format, string what) =>
        offset >= 0 && length >= 0 && offset <= data.Length && length <= data.Length - offset
            ? data.Slice((int)offset, (int)length)
            : throw new ImageDataException($"{format} data is truncated: the {what} ({length} bytes at offset {offset}) runs past the end of the {data.Length} bytes");

    /// <summary>Fails unless the declared size is positive and at most <see cref="MaxPixels"/> pixels.</summary>
    public static void CheckSize(string format, long width, long height)
    {
        if (width <= 0 || height <= 0)
            throw new ImageDataException($"{format} header declares a {width}x{height} image; width and height must be positive");
        if (width > MaxPixels || height > MaxPixels || width * height > MaxPixels)
            throw new ImageDataException($"{format} header declares a {width}x{height} image, more than the limit of {MaxPixels} pixels");
    }
}
