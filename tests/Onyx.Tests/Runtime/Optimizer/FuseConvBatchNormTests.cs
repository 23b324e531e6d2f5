using static Onyx.Tests.Runtime.Optimizer.OptimizedModel;

namespace Onyx.Tests.Runtime.Optimizer;

public sealed class FuseConvBatchNormTests
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
}
