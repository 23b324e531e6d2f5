using Onyx.Runtime;
using Onyx.Runtime.Kernels;
using Onyx.Runtime.Optimizer;
using Onyx.Runtime.Planning;
using static Onyx.Tests.Runtime.Optimizer.OptimizedModel;

namespace Onyx.Tests.Runtime.Optimizer;

public sealed class ConstantFoldingTests
{
    [Fact]
    public void A_node_of_constants_becomes_an_initializer_and_folding_carries_on_through_its_readers()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3);
        string sum = g.AddNode("Add", [g.AddInitializer("a", Tensor.FromArray(new[] { 1f, 2f, 3f }, 3)), g.AddInitializer("b", Tensor.FromArray(new[] { 10f, 20f, 30f }, 3))]);
        string twice = g.AddNode("Mul", [sum, g.AddInitializer("two", Tensor.Scalar(2f))]);
        g.AddOutput(g.AddNode("Mul", [x, twice]), DataType.Float, 2, 3);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", Floats(2, 3))));

        Assert.Equal(["Mul"], OpTypes(optimized));
        Assert.Equal([22f, 44f, 66f], Initializer(optimized, optimized.Graph.Nodes[0].Inputs[1]).ToArray<float>());
        Assert.Equal(["x"], optimized.Graph.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void Constant_nodes_of_every_attribute_form_become_initializers()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Int64, 3);
        string ints = g.AddNode("Constant", [], Attribute.Create("value_ints", new long[] { 4, 5, 6 }));
        string one = g.AddNode("Constant", [], Attribute.Create("value_int", 1L));
        string tensor = g.AddNode("Constant", [], Attribute.Create("value", Tensor.FromArray(new long[] { 7, 8, 9 }, 3)));
        g.AddOutput(g.AddNode("Add", [g.AddNode("Mul", [g.AddNode("Add", [x, ints]), one]), tensor]), DataType.Int64, 3);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", OnnxValue.FromArray(new long[] { 1, 2, 3 }, 3))));

        Assert.DoesNotContain("Constant", OpTypes(optimized));
    }

    [Fact]
    public void A_folded_graph_output_keeps_its_name()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 3);
        string c = g.AddInitializer("c", Tensor.FromArray(new[] { 1f, 4f, 9f }, 3));
        g.AddNode(new Node("Sqrt", [c], ["root"]));
        g.AddOutput("root", DataType.Float, 3);
        g.AddOutput(g.AddNode("Neg", [x]), DataType.Float, 3);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("x", Floats(3))));

        Assert.Equal(["Neg"], OpTypes(optimized));
        Assert.Equal([1f, 2f, 3f], Initializer(optimized, "root").ToArray<float>());
        Assert.Equal([1f, 2f, 3f], new InferenceSession(g.ToModel(17)).Run(Feeds(("x", Floats(3))))["root"].ToArray<float>());
    }

    [Fact]
    public void An_initializer_a_graph_input_overrides_is_not_a_constant()
    {
        var g = new GraphBuilder("g");
        string w = g.AddInput("w", DataType.Float, 3);
        g.Graph.Initializers.Add(new Tensor(DataType.Float, [3], Tensor.FromArray(new[] { 1f, 2f, 3f }, 3).RawData, "w"));
        string y = g.AddNode("Mul", [w, g.AddInitializer("c", Tensor.FromArray(new[] { 2f, 2f, 2f }, 3))]);
        g.AddOutput(y, DataType.Float, 3);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("w", OnnxValue.FromArray(new[] { 5f, 6f, 7f }, 3))));

        Assert.Equal(["Mul"], OpTypes(optimized));
    }

    [Fact]
    public void Random_operators_are_not_folded()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2);
        string noise = g.AddNode("RandomUniformLike", [g.AddInitializer("shape", Tensor.FromArray(new[] { 0f, 0f }, 2))]);
        g.AddOutput(g.AddNode("Add", [x, noise]), DataType.Float, 2);

        Assert.Equal(["RandomUniformLike", "Add"], OpTypes(Prepare(g.ToModel(17))));
    }

    /// <summary>x + ConstantOfShape([count], 1.5): a constant of <paramref name="count"/> floats added to a one-element input.</summary>
    private static Model AddedConstantOfShape(long count)
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 1);
        string big = g.AddNode("ConstantOfShape", [g.AddInitializer("shape", Tensor.FromArray(new[] { count }, 1))],
            Attribute.Create("value", Tensor.FromArray(new[] { 1.5f }, 1)));
        g.AddOutput(g.AddNode("Add", [x, big]), DataType.Float, count);
        return g.ToModel(17);
    }

    private static Model PreparedForSession(Model model) =>
        Planner.Prepare(Model.Parse(model.ToBytes()), new SessionOptions(), KernelRegistry.Default, forSession: true).Model;

    [Fact]
    public void Outputs_over_the_size_budget_are_not_folded() =>
        Assert.Equal(["ConstantOfShape", "Add"], OpTypes(Prepare(AddedConstantOfShape(ConstantFolding.MaxOutputBytes / sizeof(float) * 2))));

    [Fact]
    public void A_session_folds_values_over_the_budget_of_a_model_written_out()
    {
        Model model = AddedConstantOfShape(ConstantFolding.MaxOutputBytes / sizeof(float) * 2);

        Assert.Equal(["Add"], OpTypes(PreparedForSession(model)));
        AssertSameOutputs(model, Feeds(("x", OnnxValue.FromArray(new[] { 2f }, 1))));
    }

    [Fact]
    public void A_session_folds_nothing_over_its_own_budget() =>
        Assert.Equal(["ConstantOfShape", "Add"], OpTypes(PreparedForSession(AddedConstantOfShape(ConstantFolding.MaxSessionOutputBytes / sizeof(float) + 1))));

    [Fact]
    public void Initializers_listed_as_inputs_are_constants_to_a_session_up_to_ir_version_3_and_defaults_after()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 3);
        string shape = g.AddInitializer("shape", Tensor.FromArray(new[] { 3L }, 1));
        g.Graph.Inputs.Add(ValueInfo.Tensor(shape, DataType.Int64, 1));
        string filled = g.AddNode("ConstantOfShape", [shape], Attribute.Create("value", Tensor.FromArray(new[] { 2f }, 1)));
        string product = g.AddNode("Mul", [x, filled]);
        g.AddOutput(product, DataType.Float, 3);
        Model model = g.ToModel(9);
        var feeds = Feeds(("x", OnnxValue.FromArray(new[] { 1f, 2f, 3f }, 3)));

        model.IrVersion = 3;
        Model old = PreparedForSession(model);
        Assert.Equal(["Mul"], OpTypes(old));
        Assert.Equal(["x"], new InferenceSession(model).InputMetadata.Select(i => i.Name));
        Assert.Equal([2f, 4f, 6f], new InferenceSession(model).Run(feeds)[product].ToArray<float>());

        model.IrVersion = 4;
        Model newer = PreparedForSession(model);
        Assert.Equal(["ConstantOfShape", "Mul"], OpTypes(newer));
        Assert.Equal(["x", "shape"], new InferenceSession(model).InputMetadata.Select(i => i.Name));
    }

    [Fact]
    public void A_folded_value_a_subgraph_reads_stays_readable()
    {
        var g = new GraphBuilder("g");
        string flag = g.AddInput("flag", DataType.Bool);
        string sum = g.AddNode("Add", [g.AddInitializer("a", Tensor.FromArray(new[] { 1f, 2f }, 2)), g.AddInitializer("b", Tensor.FromArray(new[] { 3f, 4f }, 2))]);
        var then = new GraphBuilder("then");
        then.AddOutput(then.AddNode("Neg", [sum]), DataType.Float, 2);
        var otherwise = new GraphBuilder("else");
        otherwise.AddOutput(otherwise.AddNode("Abs", [sum]), DataType.Float, 2);
        string y = g.AddNode("If", [flag], Attribute.Create("then_branch", then.Graph), Attribute.Create("else_branch", otherwise.Graph));
        g.AddOutput(y, DataType.Float, 2);

        Model optimized = AssertSameOutputs(g.ToModel(17), Feeds(("flag", OnnxValue.FromTensor(Tensor.Scalar(true)))));

        Assert.Equal(["If"], OpTypes(optimized));
    }

    [Fact]
    public void A_node_whose_kernel_fails_stays_so_the_run_reports_the_failure()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 4);
        string reshaped = g.AddNode("Reshape", [g.AddInitializer("six", Tensor.FromArray(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, 6)), g.AddInitializer("shape", Tensor.FromArray(new[] { 4L }, 1))]);
        g.AddOutput(g.AddNode("Add", [x, reshaped]), DataType.Float, 4);
        Model model = g.ToModel(17);

        Assert.Equal(["Reshape", "Add"], OpTypes(Prepare(model)));
        Assert.ThrowsAny<OnyxException>(() => new InferenceSession(model, new SessionOptions { OptimizationLevel = GraphOptimizationLevel.Basic }).Run(Feeds(("x", Floats(4)))));
    }
}
