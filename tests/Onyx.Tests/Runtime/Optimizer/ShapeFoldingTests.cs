using Onyx.Runtime;
using static Onyx.Tests.Runtime.Optimizer.OptimizedModel;

namespace Onyx.Tests.Runtime.Optimizer;

public sealed class ShapeFoldingTests
{
    [Fact]
    public void A_reshape_target_computed_from_a_static_shape_becomes_a_constant()
    {
        // The PyTorch export of x.view(x.size(0), -1).
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3, 4);
        string batch = g.AddNode("Gather", [g.AddNode("Shape", [x]), g.AddInitializer("zero", Tensor.Scalar(0L))], Attribute.Create("axis", 0L));
        string target = g.AddNode("Concat", [g.AddNode("Unsqueeze", [batch, g.AddInitializer("axes", Tensor.FromArray(new[] { 0L }, 1))]),
            g.AddInitializer("rest", Tensor.FromArray(new[] { -1L }, 1))], Attribute.Create("axis", 0L));
        g.AddOutput(g.AddNode("Reshape", [x, target]), DataType.Float, 2, 12);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", Floats(2, 3, 4))));

        Assert.Equal(["Reshape"], OpTypes(optimized));
        Assert.Equal([2L, -1L], Initializer(optimized, optimized.Graph.Nodes[0].Inputs[1]).ToArray<long>());
    }

    [Fact]
    public void Shape_with_start_and_end_and_Size_fold_to_int64_constants()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3, 4, 5);
        g.AddNode(new Node("Shape", [x], ["middle"]).With(Attribute.Create("start", 1L)).With(Attribute.Create("end", -1L)));
        g.AddNode(new Node("Size", [x], ["count"]));
        g.AddOutput("middle", DataType.Int64, 2).AddOutput("count", DataType.Int64);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", Floats(2, 3, 4, 5))));

        Assert.Empty(optimized.Graph.Nodes);
        Assert.Equal([3L, 4L], Initializer(optimized, "middle").ToArray<long>());
        Assert.Equal([120L], Initializer(optimized, "count").ToArray<long>());
    }

    [Fact]
    public void A_shape_with_a_symbolic_dim_is_computed_at_run_time()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, "N", 3);
        g.AddOutput(g.AddNode("Shape", [x]), DataType.Int64, 2);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", Floats(4, 3))));

        Assert.Equal(["Shape"], OpTypes(optimized));
    }
}
