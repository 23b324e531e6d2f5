using Onyx.Runtime;
using static Onyx.Tests.Runtime.Fusion.FusionModel;

namespace Onyx.Tests.Runtime.Fusion;

public sealed class FuseConvActivationTests
{
    private static readonly Attribute[] Same3x3 = [Attribute.Create("kernel_shape", [3L, 3L]), Attribute.Create("pads", [1L, 1L, 1L, 1L])];

    [Fact]
    public void Conv_with_bias_and_relu_becomes_fused_conv()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 1, 3, 7, 6);
        string conv = g.AddNode("Conv", [x, g.AddInitializer("w", Random(2, 4, 3, 3, 3)), g.AddInitializer("b", Random(3, 4))], Same3x3);
        g.AddOutput(new ValueInfo(g.AddNode("Relu", [conv]), null));

        Assert.Equal(["ai.onyx.FusedConv"], AssertSameOutputs(Build(g, 13), new() { ["x"] = Input(1, 1, 3, 7, 6) }));
    }

    [Fact]
    public void Conv_then_a_per_channel_add_and_relu6_clip_takes_the_add_as_bias()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 4, 5, 5);
        string conv = g.AddNode("Conv", [x, g.AddInitializer("w", Random(2, 4, 1, 3, 3))], [.. Same3x3, Attribute.Create("group", 4L), Attribute.Create("strides", [2L, 2L])]);
        string biased = g.AddNode("Add", [conv, g.AddInitializer("b", Random(3, 1, 4, 1, 1))]);
        string y = g.AddNode("Clip", [biased, g.AddInitializer("lo", Tensor.FromArray([0f])), g.AddInitializer("hi", Tensor.FromArray([0.2f]))]);
        g.AddOutput(new ValueInfo(y, null));

        Assert.Equal(["ai.onyx.FusedConv"], AssertSameOutputs(Build(g, 13), new() { ["x"] = Input(1, 2, 4, 5, 5) }));
    }

    /// <summary>ResNet's basic block: conv, relu, conv, add the block's input, relu; the second conv takes the input as Z.</summary>
    [Fact]
    public void Residual_block_fuses_the_add_and_relu_into_the_second_conv()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 1, 4, 6, 6);
        string first = g.AddNode("Relu", [g.AddNode("Conv", [x, g.AddInitializer("w1", Random(2, 4, 4, 3, 3)), g.AddInitializer("b1", Random(3, 4))], Same3x3)]);
        string second = g.AddNode("Conv", [first, g.AddInitializer("w2", Random(4, 4, 4, 3, 3)), g.AddInitializer("b2", Random(5, 4))], Same3x3);
        g.AddOutput(new ValueInfo(g.AddNode("Relu", [g.AddNode("Add", [x, second])]), null));

        Assert.Equal(["ai.onyx.FusedConv", "ai.onyx.FusedConv"], AssertSameOutputs(Build(g, 13), new() { ["x"] = Input(1, 1, 4, 6, 6) }));
    }

    [Fact]
    public void An_add_that_broadcasts_the_conv_output_is_left_alone()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 1, 2, 4, 4);
        string other = g.AddInput("z", DataType.Float, 3, 2, 4, 4);
        string conv = g.AddNode("Conv", [x, g.AddInitializer("w", Random(2, 2, 2, 1, 1))]);
        g.AddOutput(new ValueInfo(g.AddNode("Add", [conv, other]), null));

        Assert.Equal(["Conv", "Add"], AssertSameOutputs(Build(g, 13), new() { ["x"] = Input(1, 1, 2, 4, 4), ["z"] = Input(2, 3, 2, 4, 4) }));
    }
}
