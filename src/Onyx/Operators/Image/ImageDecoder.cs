namespace Onyx.Operators;

/// <summary>The ImageDecoder operator (ai.onnx).</summary>
internal static class ImageDecoder
{
    internal static readonly OperatorSchema V20 = new("ImageDecoder", 20)
    {
        Inputs = [new("encoded_stream", "T1")],
        Outputs = [new("image", "T2")],
        Attributes = [new("pixel_format", "RGB")],
        TypeConstraints =
        [
            new("T1", "tensor(uint8)"),
            new("T2", "tensor(uint8)"),
        ],
        Inference = ImageShapes.ImageDecoder,
    };

    internal static OperatorSchema[] Versions => [V20];
}
