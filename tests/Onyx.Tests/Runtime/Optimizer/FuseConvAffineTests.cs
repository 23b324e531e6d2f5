using static Onyx.Tests.Runtime.Optimizer.OptimizedModel;

namespace Onyx.Tests.Runtime.Optimizer;

public sealed class FuseConvAffineTests
{
    private static Model ConvBatchNorm(bool bias, bool convOutputReadTwice = false, bool normalizedIsOutput = false)
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 1, 2, 5, 5);
        List<string> convInputs = [x, g.AddInitializer("w", Constant(3, 2, 3, 3))];
        if (bias)
            convInputs.Add(g.AddInitializer("b", Tensor.FromArray(new[] { 0.5f, -1f, 2f }, 3)));
        string conv = g.AddNode("Conv", convInputs, Attribute.Create("pads", new long[] { 1, 1, 1, 1 }));
        string normalized = g.AddNode("BatchNormalization", [conv,
            g.AddInitializer("scale", Tensor.FromArray(new[] { 1.5f, 0.5f, -2f }, 3)), g.AddInitializer("shift", Tensor.FromArray(new[] { 0.1f, 0.2f, 0.3f }, 3)),
            g.AddInitializer("mean", Tensor.FromArray(new[] { 0.3f, -0.2f, 1f }, 3)), g.AddInitializer("var", Tensor.FromArray(new[] { 2f, 0.5f, 1f }, 3))],
            Attribute.Create("epsilon", 1e-3f));
        string y = normalizedIsOutput ? normalized : g.AddNode("Relu", [normalized]);
        g.AddOutput(convOutputReadTwice ? g.AddNode("Add", [y, conv]) : y, DataType.Float, 1, 3, 5, 5);
        return g.ToModel(15);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BatchNormalization_after_a_Conv_folds_into_its_weights_and_bias(bool bias)
    {
        Model optimized = AssertSameOutputs(ConvBatchNorm(bias), Feeds(("x", Floats(1, 2, 5, 5))));

        Assert.Equal(["Conv", "Relu"], OpTypes(optimized));
        Node conv = optimized.Graph.Nodes[0];
        Assert.Equal(3, conv.Inputs.Count);
        Assert.Equal([3L, 2, 3, 3], Initializer(optimized, conv.Inputs[1]).Dims);
        Assert.Equal(1, conv.FindAttribute("pads")!.Ints[0]);
    }

    [Fact]
    public void A_Conv_whose_output_is_read_elsewhere_stays()
    {
        Model optimized = AssertSameOutputs(ConvBatchNorm(bias: true, convOutputReadTwice: true), Feeds(("x", Floats(1, 2, 5, 5))));

        Assert.Equal(["Conv", "BatchNormalization", "Relu", "Add"], OpTypes(optimized));
    }

    [Fact]
    public void A_BatchNormalization_output_that_is_a_graph_output_keeps_its_name_on_the_fused_Conv()
    {
        Model model = ConvBatchNorm(bias: true, normalizedIsOutput: true);

        Model optimized = AssertSameOutputs(model, Feeds(("x", Floats(1, 2, 5, 5))));

        Node conv = Assert.Single(optimized.Graph.Nodes);
        Assert.Equal(model.Graph.Outputs[0].Name, conv.Outputs[0]);
    }

    private static Model ConvMulAdd(long[] scaleDims, long[] shiftDims)
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 1, 2, 5, 5);
        string conv = g.AddNode("Conv", [x, g.AddInitializer("w", Constant(3, 2, 3, 3))], Attribute.Create("pads", new long[] { 1, 1, 1, 1 }));
        long scaleCount = scaleDims.Aggregate(1L, (a, b) => a * b), shiftCount = shiftDims.Aggregate(1L, (a, b) => a * b);
        string scaled = g.AddNode("Mul", [g.AddInitializer("s", Tensor.FromArray(Enumerable.Range(0, (int)scaleCount).Select(i => 0.5f + i).ToArray(), scaleDims)), conv]);
        string shifted = g.AddNode("Add", [scaled, g.AddInitializer("t", Tensor.FromArray(Enumerable.Range(0, (int)shiftCount).Select(i => 0.25f - i).ToArray(), shiftDims))]);
        g.AddOutput(g.AddNode("Relu", [shifted]), DataType.Float, 1, 3, 5, 5);
        return g.ToModel(13);
    }

    [Theory]
    [InlineData(new long[] { 3, 1, 1 }, new long[] { 1, 3, 1, 1 })]
    [InlineData(new long[] { 1 }, new long[] { 3, 1, 1 })]
    [InlineData(new long[] { }, new long[] { 1, 1, 1 })]
    public void Mul_and_Add_by_per_channel_constants_after_a_Conv_fold_into_it(long[] scaleDims, long[] shiftDims)
    {
        Model optimized = AssertSameOutputs(ConvMulAdd(scaleDims, shiftDims), Feeds(("x", Floats(1, 2, 5, 5))));

        Assert.Equal(["Conv", "Relu"], OpTypes(optimized));
    }

    [Theory]
    [InlineData(new long[] { 1, 1, 5 }, new long[] { 3, 1, 1 })]
    [InlineData(new long[] { 5, 1 }, new long[] { 3, 1, 1 })]
    [InlineData(new long[] { 2, 3, 1, 1 }, new long[] { 3, 1, 1 })]
    public void A_Mul_that_varies_along_other_axes_stays(long[] scaleDims, long[] shiftDims)
    {
        Model model = ConvMulAdd(scaleDims, shiftDims);
        Model optimized = scaleDims[0] == 2 ? Prepare(model) : AssertSameOutputs(model, Feeds(("x", Floats(1, 2, 5, 5))));

        Assert.Equal(["Conv", "Mul", "Add", "Relu"], OpTypes(optimized));
    }

    [Fact]
    public void Mul_and_Add_by_per_channel_constants_after_a_BatchNormalization_fold_into_its_scale_and_bias()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3, 4, 4);
        string normalized = g.AddNode("BatchNormalization", [x,
            g.AddInitializer("scale", Tensor.FromArray(new[] { 1f, 1f, 1f }, 3)), g.AddInitializer("shift", Tensor.FromArray(new[] { 0f, 0f, 0f }, 3)),
            g.AddInitializer("mean", Tensor.FromArray(new[] { 0.3f, -0.2f, 1f }, 3)), g.AddInitializer("var", Tensor.FromArray(new[] { 2f, 0.5f, 1f }, 3))]);
        string scaled = g.AddNode("Mul", [normalized, g.AddInitializer("s", Tensor.FromArray(new[] { 1.5f, -0.5f, 2f }, 3, 1, 1))]);
        string shifted = g.AddNode("Add", [g.AddInitializer("t", Tensor.FromArray(new[] { 0.1f, 0.2f, -0.3f }, 1, 3, 1, 1)), scaled]);
        g.AddOutput(g.AddNode("Relu", [shifted]), DataType.Float, 2, 3, 4, 4);

        Model optimized = AssertSameOutputs(g.ToModel(15), Feeds(("x", Floats(2, 3, 4, 4))));

        Assert.Equal(["BatchNormalization", "Relu"], OpTypes(optimized));
    }
}
