using Onyx.Runtime.Planning;

namespace Onyx.Runtime.Kernels.ControlFlow;

/// <summary>
/// If: runs the then_branch or the else_branch, each planned once when the session is prepared, on the outer values
/// it reads, and gives the branch's outputs as the node's.
/// </summary>
internal sealed class IfKernel : Kernel
{
    private readonly ExecutionPlan _then, _else;

    private IfKernel(KernelNode node)
    {
        _then = Branch(node, "then_branch");
        _else = Branch(node, "else_branch");
    }

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("If", node => new IfKernel(node))];

    private static ExecutionPlan Branch(KernelNode node, string attribute)
    {
        Graph graph = node.Attributes.Graph(attribute) ?? throw node.Fail($"attribute '{attribute}' is required");
        if (graph.Outputs.Count != node.Node.Outputs.Count)
            throw node.Fail($"attribute '{attribute}' has {graph.Outputs.Count} outputs, but the node has {node.Node.Outputs.Count}");
        return node.PlanSubgraph(graph);
    }

    public override void Run(KernelContext context)
    {
        Tensor condition = context.Tensor(0);
        if (condition.DataType != DataType.Bool || condition.ElementCount != 1)
            throw context.Fail($"input 0 ('{context.Node.Node.Inputs[0]}') must hold one bool, found {condition.DataType.TypeName()} of shape [{string.Join(",", condition.Dims)}]");
        ExecutionPlan branch = condition.AsSpan<bool>()[0] ? _then : _else;
        IReadOnlyList<OnnxValue> outputs = SubgraphRun.Execute(context, branch, []);
        for (int j = 0; j < outputs.Count; j++)
            context.SetOutput(j, outputs[j]);
    }
}
