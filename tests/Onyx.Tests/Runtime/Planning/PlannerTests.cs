using Onyx.Runtime;
using Onyx.Runtime.Kernels;
using Onyx.Runtime.Planning;

namespace Onyx.Tests.Runtime.Planning;

public sealed class PlannerTests
{
    [Fact]
    public void An_inlined_body_resolves_its_nodes_against_the_opset_it_imports()
    {
        // Without a Relu kernel, Relu-14 runs as its body, written for opset 18 with CastLike (since 15): the body's
        // nodes must resolve against 18, not against the model's 14, where CastLike does not exist.
        var g = new GraphBuilder("g");
        g.AddOutput(g.AddNode("Relu", [g.AddInput("x", DataType.Float, 3)]), DataType.Float, 3);
        Model model = g.ToModel(14);
        var withoutRelu = new KernelRegistry(KernelRegistry.Default.All.Where(r => r.OpType != "Relu"));

        ExecutionPlan plan = Planner.Build(model, new SessionOptions(), withoutRelu);
        OnnxValue?[] values = ExecutionRun.Execute(plan, new Dictionary<string, OnnxValue> { ["x"] = OnnxValue.FromArray(new[] { -1f, 0f, 2f }, 3) },
            [plan.Slots[model.Graph.Outputs[0].Name]]);

        Assert.Contains(plan.Steps, s => s.Node.Node.OpType == "CastLike" && s.Node.OpsetVersion == 18);
        Assert.Equal([0f, 0f, 2f], values[0]!.ToArray<float>());
    }

    [Fact]
    public void A_body_that_needs_its_input_types_is_written_once_an_outer_expansion_is_typed()
    {
        // SoftmaxCrossEntropyLoss expands to a body holding NegativeLogLikelihoodLoss, whose own body needs the type
        // of a value the first expansion made: a second round of inlining writes it.
        var g = new GraphBuilder("g");
        string scores = g.AddInput("scores", DataType.Float, 2, 3), labels = g.AddInput("labels", DataType.Int64, 2);
        g.AddOutput(g.AddNode("SoftmaxCrossEntropyLoss", [scores, labels]), DataType.Float);
        Model model = g.ToModel(13);

        ExecutionPlan plan = Planner.Build(model, new SessionOptions(), KernelRegistry.Default);

        Assert.DoesNotContain(plan.Steps, s => s.Node.Node.OpType is "SoftmaxCrossEntropyLoss" or "NegativeLogLikelihoodLoss");
    }
}
