namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Rewrites a Sum of exactly two inputs as Add, so that the fusions that look for an Add (a residual into FusedConv, a
/// bias into FusedMatMul) find it: Caffe2's ResNets join their branches with Sum. The values are the same: both add
/// element by element, under multidirectional broadcasting from version 8 of Sum, and Sum before it takes equal shapes,
/// which Add (from version 7, the least this rewrites at) takes too.
/// </summary>
internal sealed class SumOfTwoAsAdd : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Basic;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node node in graph.Graph.Nodes)
        {
            if (node is { OpType: "Sum", Domain: "", Inputs: [{ Length: > 0 } a, { Length: > 0 } b], Outputs: [{ Length: > 0 } sum] } && graph.OpsetOf(node) >= 7)
                yield return new GraphPatch([node], [new Node("Add", [a, b], [sum], node.Name)]);
        }
    }
}
