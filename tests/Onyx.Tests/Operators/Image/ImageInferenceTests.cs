namespace Onyx.Tests.Operators.ImageOperators;

public sealed class ImageInferenceTests
{
    private static string Decode(Dim[] dims, params Attribute[] attributes) =>
        OneNodeInference.Outputs("ImageDecoder", g => [g.AddInput("stream", DataType.UInt8, dims)], 20, 1, attributes)[0];

    [Theory]
    [InlineData("RGB", "tensor(uint8)[?,?,3]")]
    [InlineData("BGR", "tensor(uint8)[?,?,3]")]
    [InlineData("Grayscale", "tensor(uint8)[?,?,1]")]
    public void ImageDecoder_channels_follow_the_pixel_format(string format, string expected)
    {
        Assert.Equal(expected, Decode(["bytes"], Attribute.Create("pixel_format", format)));
    }

    [Fact]
    public void ImageDecoder_defaults_to_rgb()
    {
        Assert.Equal("tensor(uint8)[?,?,3]", Decode([100]));
    }

    [Fact]
    public void ImageDecoder_rejects_an_unknown_pixel_format()
    {
        var error = Assert.Throws<ShapeInferenceException>(() => Decode([100], Attribute.Create("pixel_format", "RGBA")));
        Assert.Contains("'pixel_format' must be RGB, BGR or Grayscale, found 'RGBA'", error.Problem);
    }

    [Fact]
    public void ImageDecoder_rejects_a_2d_stream()
    {
        var error = Assert.Throws<ShapeInferenceException>(() => Decode([2, 50]));
        Assert.Contains("must be 1-D, found rank 2", error.Problem);
    }
}
