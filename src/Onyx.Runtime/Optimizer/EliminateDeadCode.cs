namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Removes the nodes no graph output depends on (directly, or through a subgraph that reads their outputs). No ONNX
/// operator has an effect beyond its outputs, so an unread node only costs time.
/// </summary>
internal sealed class EliminateDeadCode : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Basic;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        var live = graph.Graph.Outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var dead = new List<Node>();
        for (int i = graph.Graph.Nodes.Count - 1; i >= 0; i--)
        {
            Node node = graph.Graph.Nodes[i];
            if (!node.Outputs.Any(live.Contains))
            {
                dead.Add(node);
                continue;
            }
            live.UnionWith(node.Inputs);
            live.UnionWith(Planning.Captures.Of(node));
        }
        return dead.Select(node => new GraphPatch([node], []));
    }
}
