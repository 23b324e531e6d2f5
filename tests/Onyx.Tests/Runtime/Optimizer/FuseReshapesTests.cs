using static Onyx.Tests.Runtime.Optimizer.OptimizedModel;

namespace Onyx.Tests.Runtime.Optimizer;

public sealed class FuseReshapesTests
{
    [Fact]
    public void A_chain_of_reshaping_ops_with_a_static_result_becomes_one_Reshape()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3, 4);
        string unsqueezed = g.AddNode("Unsqueeze", [x, g.AddInitializer("axes", Tensor.FromArray(new[] { 0L }, 1))]);
        string flat = g.AddNode("Flatten", [unsqueezed], Attribute.Create("axis", 2L));
        string squeezed = g.AddNode("Squeeze", [g.AddNode("Unsqueeze", [flat, g.AddInitializer("last", Tensor.FromArray(new[] { 2L }, 1))]), g.AddInitializer("last2", Tensor.FromArray(new[] { 2L }, 1))]);
        AddFloatOutput(g, g.AddNode("Relu", [squeezed]), 2);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", Floats(2, 3, 4))));

        Assert.Equal(["Reshape", "Relu"], OpTypes(optimized));
        Assert.Equal(["x"], optimized.Graph.Nodes[0].Inputs.Take(1));
        Assert.Equal([2L, 12L], Initializer(optimized, optimized.Graph.Nodes[0].Inputs[1]).ToArray<long>());
    }

    [Fact]
    public void A_chain_ending_in_an_unknown_shape_stays()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, "N", 3);
        string flat = g.AddNode("Flatten", [g.AddNode("Unsqueeze", [x, g.AddInitializer("axes", Tensor.FromArray(new[] { 0L }, 1))])]);
        AddFloatOutput(g, g.AddNode("Relu", [flat]), 2);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", Floats(4, 3))));

        Assert.Equal(["Unsqueeze", "Flatten", "Relu"], OpTypes(optimized));
    }
}
