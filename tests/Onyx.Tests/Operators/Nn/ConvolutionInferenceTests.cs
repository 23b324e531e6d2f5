using static Onyx.Tests.Operators.Nn.NnInference;

namespace Onyx.Tests.Operators.Nn;

public sealed class ConvolutionInferenceTests
{
    private static IEnumerable<string> Image(GraphBuilder g, Dim[] x, Dim[] w) =>
        [g.AddInput("x", DataType.Float, x), g.AddInput("w", DataType.Float, w)];

    [Theory]
    [InlineData("SAME_UPPER", "[1,8,4,4]")]
    [InlineData("SAME_LOWER", "[1,8,4,4]")]
    [InlineData("VALID", "[1,8,3,3]")]
    [InlineData("NOTSET", "[1,8,3,3]")]
    public void Conv_auto_pad_gives_ceil_of_input_over_stride_for_same_and_no_padding_otherwise(string autoPad, string expected)
    {
        string y = Output("Conv", g => Image(g, [1, 3, 7, 7], [8, 3, 3, 3]), 22,
            Attribute.Create("auto_pad", autoPad), Ints("strides", 2, 2));
        Assert.Equal("tensor(float)" + expected, y);
    }

    [Fact]
    public void Conv_keeps_a_symbolic_batch_and_a_symbolic_size_that_same_padding_preserves()
    {
        string y = Output("Conv", g => Image(g, ["N", 3, "H", 32], [16, 3, 3, 3]), 11, Ints("pads", 1, 1, 1, 1));
        Assert.Equal("tensor(float)[N,16,H,32]", y);
        string strided = Output("Conv", g => Image(g, ["N", 3, "H", 32], [16, 3, 3, 3]), 11, Ints("pads", 1, 1, 1, 1), Ints("strides", 2, 2));
        Assert.Equal("tensor(float)[N,16,?,16]", strided);
    }

    [Fact]
    public void Conv_with_dilations_and_groups_uses_the_dilated_kernel()
    {
        string y = Output("Conv", g => Image(g, [2, 4, 10, 10], [6, 2, 3, 3]), 22, Ints("dilations", 2, 2), Attribute.Create("group", 2L));
        Assert.Equal("tensor(float)[2,6,6,6]", y);
    }

    [Fact]
    public void Conv_rejects_inputs_of_different_ranks()
    {
        string problem = Problem("Conv", g => Image(g, [1, 3, 5], [4, 3, 3, 3]), 22, 1);
        Assert.Contains("input X has rank 3 but W has rank 4", problem);
    }

    [Fact]
    public void Conv_rejects_a_kernel_shape_of_the_wrong_length()
    {
        string problem = Problem("Conv", g => Image(g, [1, 3, 5, 5], [4, 3, 3, 3]), 22, 1, Ints("kernel_shape", 3));
        Assert.Contains("'kernel_shape' has 1 values; expected 2", problem);
    }

    [Fact]
    public void Conv_rejects_channels_that_do_not_match_the_weights_times_group()
    {
        string problem = Problem("Conv", g => Image(g, [1, 6, 5, 5], [4, 4, 3, 3]), 22, 1, Attribute.Create("group", 2L));
        Assert.Contains("X has 6 channels but W expects 4 per group × group 2 = 8", problem);
        string notDivisible = Problem("Conv", g => Image(g, [1, 6, 5, 5], [3, 3, 3, 3]), 22, 1, Attribute.Create("group", 2L));
        Assert.Contains("3 output channels, which group 2 does not divide", notDivisible);
    }

    [Fact]
    public void Conv_rejects_a_kernel_larger_than_the_padded_input()
    {
        string problem = Problem("Conv", g => Image(g, [1, 1, 2, 2], [1, 1, 3, 3]), 22, 1);
        Assert.Contains("smaller than the dilated kernel 3", problem);
    }

    [Fact]
    public void ConvInteger_outputs_int32()
    {
        string y = Output("ConvInteger", g => [g.AddInput("x", DataType.UInt8, 1, 1, 4, 4), g.AddInput("w", DataType.UInt8, 1, 1, 2, 2)], 10);
        Assert.Equal("tensor(int32)[1,1,3,3]", y);
    }

    [Fact]
    public void ConvTranspose_output_shape_attribute_sets_the_spatial_sizes()
    {
        string y = Output("ConvTranspose", g => Image(g, [1, 1, 3, 3], [1, 2, 3, 3]), 22, Ints("strides", 3, 2), Ints("output_shape", 10, 8));
        Assert.Equal("tensor(float)[1,2,10,8]", y);
    }

    [Fact]
    public void ConvTranspose_output_padding_extends_the_end()
    {
        string y = Output("ConvTranspose", g => Image(g, ["N", 1, 3, 3], [1, 2, 3, 3]), 11, Ints("strides", 3, 2), Ints("output_padding", 1, 1));
        Assert.Equal("tensor(float)[N,2,10,8]", y);
    }

    [Fact]
    public void ConvTranspose_same_padding_multiplies_by_the_stride_and_group_multiplies_channels()
    {
        string y = Output("ConvTranspose", g => Image(g, [1, 4, 3, "W"], [4, 3, 3, 3]), 22,
            Attribute.Create("auto_pad", "SAME_UPPER"), Ints("strides", 2, 1), Attribute.Create("group", 2L));
        Assert.Equal("tensor(float)[1,6,6,W]", y);
    }

    [Fact]
    public void Pads_cannot_be_combined_with_auto_pad()
    {
        string problem = Problem("Conv", g => Image(g, [1, 3, 5, 5], [4, 3, 3, 3]), 22, 1, Attribute.Create("auto_pad", "SAME_UPPER"), Ints("pads", 1, 1, 1, 1));
        Assert.Contains("'pads' cannot be used together with auto_pad SAME_UPPER", problem);
    }

    [Fact]
    public void Conv_with_unknown_input_rank_takes_the_rank_and_channels_from_the_weights()
    {
        string y = Output("Conv", g => [g.AddInput(new ValueInfo("x", TypeInfo.Tensor(DataType.Float))), g.AddInput("w", DataType.Float, 8, 3, 3, 3)], 22);
        Assert.Equal("tensor(float)[?,8,?,?]", y);
    }

    [Fact]
    public void DeformConv_takes_batch_and_spatial_sizes_from_offset_and_checks_its_channels()
    {
        string y = Output("DeformConv", g =>
        [
            g.AddInput("x", DataType.Float, "N", 2, "H", 4),
            g.AddInput("w", DataType.Float, 4, 2, 2, 2),
            g.AddInput("offset", DataType.Float, "N", 8, 3, 3),
        ], 19);
        Assert.Equal("tensor(float)[N,4,3,3]", y);
        string problem = Problem("DeformConv", g =>
        [
            g.AddInput("x", DataType.Float, 1, 2, 4, 4),
            g.AddInput("w", DataType.Float, 4, 2, 2, 2),
            g.AddInput("offset", DataType.Float, 1, 4, 3, 3),
        ], 19, 1);
        Assert.Contains("dim 1 of offset: 8 does not match 4", problem);
    }

    [Fact]
    public void QLinearConv_outputs_the_zero_point_type_and_checks_per_channel_scales()
    {
        IEnumerable<string> Inputs(GraphBuilder g, long scales) =>
        [
            g.AddInput("x", DataType.UInt8, 1, 3, 5, 5), g.AddInput("xs", DataType.Float), g.AddInput("xz", DataType.UInt8),
            g.AddInput("w", DataType.Int8, 4, 3, 3, 3), g.AddInput("ws", DataType.Float, scales), g.AddInput("wz", DataType.Int8, scales),
            g.AddInput("ys", DataType.Float), g.AddInput("yz", DataType.Int8),
        ];
        Assert.Equal("tensor(int8)[1,4,3,3]", Output("QLinearConv", g => Inputs(g, 4), 10));
        Assert.Contains("the length of w_scale and the output channels: 4 does not match 3", Problem("QLinearConv", g => Inputs(g, 3), 10, 1));
    }
}
