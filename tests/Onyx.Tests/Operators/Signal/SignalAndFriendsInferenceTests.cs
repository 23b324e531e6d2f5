namespace Onyx.Tests.Operators.Signal;

public sealed class SignalAndFriendsInferenceTests
{
    private static TypeInfo? InferSingle(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset, params Attribute[] attributes)
    {
        var g = new GraphBuilder();
        string y = g.AddNode(opType, inputs(g), attributes);
        g.AddOutput(new ValueInfo(y));
        Model model = g.ToModel(opset);
        ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true });
        return model.Graph.Outputs.Single().Type;
    }

    [Fact]
    public void Dft_onesided_halves_the_axis_and_makes_the_last_dim_complex()
    {
        TypeInfo? type = InferSingle("DFT", g => [g.AddInput("x", DataType.Float, "batch", 16, 1)], 20, Attribute.Create("onesided", 1L));
        Assert.Equal("tensor(float)", type!.ToString());
        Assert.Equal("[batch,9,2]", ((TensorTypeInfo)type).Shape!.ToString());
    }

    [Fact]
    public void Dft_irfft_gives_a_real_signal_of_twice_the_bins_minus_one()
    {
        TypeInfo? type = InferSingle("DFT", g => [g.AddInput("x", DataType.Float, "batch", 6, 10, 2), "", g.AddInitializer("axis", Tensor.Scalar(1L))], 20,
            Attribute.Create("onesided", 1L), Attribute.Create("inverse", 1L));
        Assert.Equal("[batch,10,10,1]", ((TensorTypeInfo)type!).Shape!.ToString());
    }

    [Fact]
    public void Dft_with_an_unknown_axis_still_knows_the_last_dim()
    {
        TypeInfo? type = InferSingle("DFT", g => [g.AddInput("x", DataType.Float, 1, 6, 10, 1), "", g.AddInput("axis", DataType.Int64)], 20);
        Assert.Equal("[?,?,?,2]", ((TensorTypeInfo)type!).Shape!.ToString());
    }

    [Fact]
    public void Dft_irfft_rejects_real_input()
    {
        var error = Assert.Throws<ShapeInferenceException>(() => InferSingle("DFT", g => [g.AddInput("x", DataType.Float, 6, 1)], 17,
            Attribute.Create("onesided", 1L), Attribute.Create("inverse", 1L), Attribute.Create("axis", 0L)));
        Assert.Contains("needs complex input", error.Message);
    }

    [Fact]
    public void Dft_rejects_a_last_dim_other_than_one_or_two()
    {
        var error = Assert.Throws<ShapeInferenceException>(() => InferSingle("DFT", g => [g.AddInput("x", DataType.Float, 4, 3)], 20));
        Assert.Contains("last dim", error.Message);
    }

    [Fact]
    public void Stft_counts_frames_from_constant_step_and_window()
    {
        TypeInfo? type = InferSingle("STFT", g =>
        [
            g.AddInput("signal", DataType.Float, 1, 128, 1),
            g.AddInitializer("step", Tensor.Scalar(8L)),
            g.AddInput("window", DataType.Float, 16),
        ], 17);
        Assert.Equal("[1,15,9,2]", ((TensorTypeInfo)type!).Shape!.ToString());
    }

    [Fact]
    public void RandomNormal_rejects_negative_shape()
    {
        var error = Assert.Throws<ShapeInferenceException>(() => InferSingle("RandomNormal", _ => [], 22, Attribute.Create("shape", new[] { 2L, -1L })));
        Assert.Contains("'shape'", error.Message);
    }

    [Fact]
    public void QuantizeLinear_without_zero_point_gives_uint8()
    {
        TypeInfo? type = InferSingle("QuantizeLinear", g => [g.AddInput("x", DataType.Float, "n", 3), g.AddInput("s", DataType.Float)], 21);
        Assert.Equal(DataType.UInt8, ((TensorTypeInfo)type!).ElementType);
    }

    [Fact]
    public void RoiAlign_rejects_mismatched_roi_counts()
    {
        Assert.Throws<ShapeInferenceException>(() => InferSingle("RoiAlign", g =>
        [
            g.AddInput("x", DataType.Float, 1, 3, 8, 8),
            g.AddInput("rois", DataType.Float, 5, 4),
            g.AddInput("idx", DataType.Int64, 4),
        ], 16));
    }
}
