namespace Onyx.Tests.Operators.QuantizationOperators;

public sealed class QuantizationInferenceTests
{
    private static string[] Outputs(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset = 21, int outputCount = 1, params Attribute[] attributes) =>
        OneNodeInference.Outputs(opType, inputs, opset, outputCount, attributes);

    private static string Output(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset = 21, params Attribute[] attributes) =>
        Outputs(opType, inputs, opset, 1, attributes)[0];

    private static string Problem(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset = 21, params Attribute[] attributes) =>
        Assert.Throws<ShapeInferenceException>(() => Output(opType, inputs, opset, attributes)).Problem;

    /// <summary>x float [N,3], a scalar float scale and, unless <paramref name="zeroPoint"/> is Undefined, a scalar zero point.</summary>
    private static Func<GraphBuilder, IEnumerable<string>> Quantize(DataType zeroPoint) => g =>
    [
        g.AddInput("x", DataType.Float, "N", 3),
        g.AddInput("scale", DataType.Float),
        .. zeroPoint == DataType.Undefined ? Array.Empty<string>() : [g.AddInput("zero", zeroPoint)],
    ];

    private static Attribute OutputDtype(DataType type) => Attribute.Create("output_dtype", (long)type);

    [Fact]
    public void QuantizeLinear_output_type_is_the_zero_point_type()
    {
        Assert.Equal("tensor(int8)[N,3]", Output("QuantizeLinear", Quantize(DataType.Int8), opset: 13));
    }

    [Fact]
    public void QuantizeLinear_output_dtype_chooses_the_type_without_a_zero_point()
    {
        Assert.Equal("tensor(int4)[N,3]", Output("QuantizeLinear", Quantize(DataType.Undefined), attributes: OutputDtype(DataType.Int4)));
    }

    [Fact]
    public void QuantizeLinear_rejects_a_zero_point_that_contradicts_output_dtype()
    {
        string problem = Problem("QuantizeLinear", Quantize(DataType.UInt8), attributes: OutputDtype(DataType.Int8));
        Assert.Contains("'y_zero_point' has type UInt8 but output_dtype asks for Int8", problem);
    }

    [Fact]
    public void DequantizeLinear_output_type_is_the_scale_type()
    {
        Assert.Equal("tensor(float16)[N,3]", Output("DequantizeLinear", g => [g.AddInput("x", DataType.Int8, "N", 3), g.AddInput("s", DataType.Float16)]));
    }

    [Fact]
    public void DequantizeLinear_output_dtype_overrides_the_scale_type()
    {
        Assert.Equal("tensor(bfloat16)[N,3]", Output("DequantizeLinear", g => [g.AddInput("x", DataType.Int8, "N", 3), g.AddInput("s", DataType.Float)],
            opset: 23, OutputDtype(DataType.BFloat16)));
    }

    [Fact]
    public void DynamicQuantizeLinear_gives_uint8_data_and_scalar_scale_and_zero_point()
    {
        Assert.Equal(["tensor(uint8)[N,3]", "tensor(float)[]", "tensor(uint8)[]"],
            Outputs("DynamicQuantizeLinear", g => [g.AddInput("x", DataType.Float, "N", 3)], 11, 3));
    }

    /// <summary>QLinearConv over x uint8 [N,3,8,8] and w int8 [4,3,3,3], with a y_zero_point of <paramref name="output"/> and the given w_scale shape.</summary>
    private static Func<GraphBuilder, IEnumerable<string>> QLinearConv(DataType output, params Dim[] wScale) => g =>
    [
        g.AddInput("x", DataType.UInt8, "N", 3, 8, 8), g.AddInput("xs", DataType.Float), g.AddInput("xz", DataType.UInt8),
        g.AddInput("w", DataType.Int8, 4, 3, 3, 3), g.AddInput("ws", DataType.Float, wScale), g.AddInput("wz", DataType.Int8),
        g.AddInput("ys", DataType.Float), g.AddInput("yz", output),
    ];

    [Fact]
    public void QLinearConv_strides_the_spatial_dims_and_takes_the_y_zero_point_type()
    {
        Assert.Equal("tensor(int8)[N,4,3,3]", Output("QLinearConv", QLinearConv(DataType.Int8, 4), 10, Attribute.Create("strides", new[] { 2L, 2L })));
    }

    [Fact]
    public void QLinearConv_rejects_a_w_scale_not_matching_the_output_channels()
    {
        string problem = Problem("QLinearConv", QLinearConv(DataType.UInt8, 5), 10);
        Assert.Contains("the length of w_scale and the output channels", problem);
    }

    [Fact]
    public void ConvInteger_pads_keep_the_spatial_dims_and_give_int32()
    {
        Assert.Equal("tensor(int32)[N,4,8,8]", Output("ConvInteger",
            g => [g.AddInput("x", DataType.UInt8, "N", 3, 8, 8), g.AddInput("w", DataType.UInt8, 4, 3, 3, 3)], 10,
            Attribute.Create("pads", new[] { 1L, 1L, 1L, 1L })));
    }

    [Fact]
    public void MatMulInteger_broadcasts_batches_and_gives_int32()
    {
        Assert.Equal("tensor(int32)[N,3,5]", Output("MatMulInteger", g => [g.AddInput("a", DataType.Int8, "N", 3, 4), g.AddInput("b", DataType.UInt8, 4, 5)], 10));
    }

    [Fact]
    public void MatMulInteger_rejects_mismatched_inner_dims()
    {
        Assert.Throws<ShapeInferenceException>(() => Output("MatMulInteger", g => [g.AddInput("a", DataType.Int8, 3, 4), g.AddInput("b", DataType.Int8, 6, 5)], 10));
    }

    [Fact]
    public void QLinearMatMul_takes_the_y_zero_point_type()
    {
        Assert.Equal("tensor(uint8)[N,5]", Output("QLinearMatMul", g =>
        [
            g.AddInput("a", DataType.Int8, "N", 4), g.AddInput("as", DataType.Float), g.AddInput("az", DataType.Int8),
            g.AddInput("b", DataType.Int8, 4, 5), g.AddInput("bs", DataType.Float), g.AddInput("bz", DataType.Int8),
            g.AddInput("ys", DataType.Float), g.AddInput("yz", DataType.UInt8),
        ], 10));
    }
}
