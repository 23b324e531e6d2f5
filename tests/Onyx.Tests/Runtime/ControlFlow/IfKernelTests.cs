using Onyx.Runtime;

namespace Onyx.Tests.Runtime.ControlFlowKernels;

public sealed class IfKernelTests
{
    /// <summary>y = If(c) then x + 1 else (If(c2) then x · 2 else x), both branches reading outer values.</summary>
    private static Model NestedIf()
    {
        var thenBranch = new GraphBuilder("then");
        thenBranch.AddOutput(thenBranch.AddNode("Add", ["x", "one"]), DataType.Float, 2);
        var innerThen = new GraphBuilder("inner_then");
        innerThen.AddOutput(innerThen.AddNode("Mul", ["x", "two"]), DataType.Float, 2);
        var innerElse = new GraphBuilder("inner_else");
        innerElse.AddOutput(innerElse.AddNode("Identity", ["x"]), DataType.Float, 2);
        var elseBranch = new GraphBuilder("else");
        elseBranch.AddOutput(elseBranch.AddNode("If", ["c2"], Attribute.Create("then_branch", innerThen.Build()), Attribute.Create("else_branch", innerElse.Build())),
            DataType.Float, 2);

        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2);
        g.AddInput("c", DataType.Bool);
        g.AddInput("c2", DataType.Bool);
        g.AddInitializer("one", Tensor.Scalar(1f));
        g.AddInitializer("two", Tensor.Scalar(2f));
        g.AddOutput(g.AddNode("If", ["c"], Attribute.Create("then_branch", thenBranch.Build()), Attribute.Create("else_branch", elseBranch.Build())),
            DataType.Float, 2);
        return g.ToModel(16);
    }

    private static float[] Run(InferenceSession session, bool c, bool c2) => session.Run(new Dictionary<string, OnnxValue>
    {
        ["x"] = OnnxValue.FromArray(new[] { 3f, 4f }, 2),
        ["c"] = OnnxValue.FromTensor(Tensor.Scalar(c)),
        ["c2"] = OnnxValue.FromTensor(Tensor.Scalar(c2)),
    }).Values.Single().ToArray<float>();

    [Fact]
    public void Runs_the_chosen_branch_on_outer_values_through_nested_ifs()
    {
        var session = new InferenceSession(NestedIf());

        Assert.Equal([4f, 5f], Run(session, true, false));
        Assert.Equal([6f, 8f], Run(session, false, true));
        Assert.Equal([3f, 4f], Run(session, false, false));
    }

    [Fact]
    public void A_condition_of_more_than_one_value_names_the_node()
    {
        Model model = NestedIf();
        model.Graph.Inputs[1] = ValueInfo.Tensor("c", DataType.Bool, "n");
        var session = new InferenceSession(model);

        var e = Assert.Throws<OnnxRuntimeException>(() => session.Run(new Dictionary<string, OnnxValue>
        {
            ["x"] = OnnxValue.FromArray(new[] { 3f, 4f }, 2),
            ["c"] = OnnxValue.FromArray(new[] { true, false }, 2),
            ["c2"] = OnnxValue.FromTensor(Tensor.Scalar(true)),
        }));
        Assert.Contains("must hold one bool", e.Message);
    }
}
