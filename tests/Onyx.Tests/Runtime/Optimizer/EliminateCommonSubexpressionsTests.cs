using static Onyx.Tests.Runtime.Optimizer.OptimizedModel;

namespace Onyx.Tests.Runtime.Optimizer;

public sealed class EliminateCommonSubexpressionsTests
{
    [Fact]
    public void Two_nodes_computing_the_same_value_become_one()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3);
        string first = g.AddNode("Softmax", [x], Attribute.Create("axis", 1L));
        string second = g.AddNode("Softmax", [x], Attribute.Create("axis", 1L));
        g.AddOutput(g.AddNode("Sub", [first, second]), DataType.Float, 2, 3);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", Floats(2, 3))));

        Assert.Equal(["Softmax", "Sub"], OpTypes(optimized));
        Assert.Equal([first, first], optimized.Graph.Nodes[1].Inputs);
    }

    [Fact]
    public void Nodes_whose_attributes_differ_stay_apart()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3);
        string first = g.AddNode("LeakyRelu", [x], Attribute.Create("alpha", 0.1f));
        string second = g.AddNode("LeakyRelu", [x], Attribute.Create("alpha", 0.2f));
        g.AddOutput(g.AddNode("Sub", [first, second]), DataType.Float, 2, 3);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", Floats(2, 3))));

        Assert.Equal(["LeakyRelu", "LeakyRelu", "Sub"], OpTypes(optimized));
    }

    [Fact]
    public void Equal_small_initializers_merge_and_what_reads_them_merges_too()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 3);
        string a = g.AddNode("Add", [x, g.AddInitializer("one", Tensor.FromArray(new[] { 1f, 1f, 1f }, 3))]);
        string b = g.AddNode("Add", [x, g.AddInitializer("also_one", Tensor.FromArray(new[] { 1f, 1f, 1f }, 3))]);
        g.AddOutput(g.AddNode("Mul", [a, b]), DataType.Float, 3);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", Floats(3))));

        Assert.Equal(["Add", "Mul"], OpTypes(optimized));
        Assert.Equal(["one"], optimized.Graph.Initializers.Select(t => t.Name));
    }

    [Fact]
    public void A_duplicate_whose_output_is_a_graph_output_stays()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 3);
        g.AddOutput(g.AddNode("Relu", [x]), DataType.Float, 3).AddOutput(g.AddNode("Relu", [x]), DataType.Float, 3);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", Floats(3))));

        Assert.Equal(["Relu", "Relu"], OpTypes(optimized));
    }
}
