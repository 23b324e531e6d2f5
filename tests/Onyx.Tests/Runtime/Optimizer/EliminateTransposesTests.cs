using static Onyx.Tests.Runtime.Optimizer.OptimizedModel;

namespace Onyx.Tests.Runtime.Optimizer;

public sealed class EliminateTransposesTests
{
    private static Model Transposes(long[] first, long[] second, bool outputDirectly)
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3, 4);
        string t = g.AddNode("Transpose", [g.AddNode("Transpose", [x], Attribute.Create("perm", first))], Attribute.Create("perm", second));
        AddFloatOutput(g, outputDirectly ? t : g.AddNode("Relu", [t]), 3);
        return g.ToModel(17);
    }

    [Fact]
    public void Transposes_that_undo_each_other_disappear()
    {
        Model optimized = AssertSameOutputs(Transposes([1, 2, 0], [2, 0, 1], outputDirectly: false), Feeds(("x", Floats(2, 3, 4))));

        Assert.Equal(["Relu"], OpTypes(optimized));
        Assert.Equal(["x"], optimized.Graph.Nodes[0].Inputs);
    }

    [Fact]
    public void Two_transposes_compose_into_one()
    {
        Model optimized = AssertSameOutputs(Transposes([0, 2, 1], [1, 0, 2], outputDirectly: false), Feeds(("x", Floats(2, 3, 4))));

        Assert.Equal(["Transpose", "Relu"], OpTypes(optimized));
        Assert.Equal([2L, 0, 1], optimized.Graph.Nodes[0].FindAttribute("perm")!.Ints);
    }

    [Fact]
    public void Transposes_that_undo_each_other_into_a_graph_output_leave_an_Identity()
    {
        Model optimized = AssertSameOutputs(Transposes([1, 0, 2], [1, 0, 2], outputDirectly: true), Feeds(("x", Floats(2, 3, 4))));

        Assert.Equal(["Identity"], OpTypes(optimized));
    }

    [Fact]
    public void A_transpose_without_perm_reverses_the_axes()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3, 4);
        string t = g.AddNode("Transpose", [g.AddNode("Transpose", [x])], Attribute.Create("perm", new long[] { 0, 2, 1 }));
        AddFloatOutput(g, g.AddNode("Relu", [t]), 3);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", Floats(2, 3, 4))));

        Assert.Equal(["Transpose", "Relu"], OpTypes(optimized));
        Assert.Equal([2L, 0, 1], optimized.Graph.Nodes[0].FindAttribute("perm")!.Ints);
    }
}
