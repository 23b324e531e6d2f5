namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// A decoded image: <see cref="Height"/> rows of <see cref="Width"/> pixels, each <see cref="Channels"/> bytes
/// (1: gray; 3: red, green, blue), rows stored top to bottom without padding.
/// </summary>
internal sealed record DecodedImage(int Height, int Width, int Channels, byte[] Pixels);

/// <summary>
/// Encoded image bytes that break their format's rules or use a feature no decoder here reads; the ImageDecoder
/// kernel reports it as an <see cref="OnnxRuntimeException"/> naming the node.
/// </summary>
internal sealed class ImageDataException(string message) : Exception(message);
