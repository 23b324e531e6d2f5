namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Composes a Transpose of a Transpose into one Transpose of the first one's input (output axis i is input axis
/// p1[p2[i]]), or removes it when the composition is the identity: its readers read the first one's input, or, when its
/// output is a graph output, an Identity keeps the name. The first Transpose stays while something else reads it.
/// </summary>
internal sealed class EliminateTransposes : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Basic;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node second in graph.Graph.Nodes)
        {
            if (!IsTranspose(second) || graph.Producer(second.Inputs[0]) is not { } first || !IsTranspose(first) || first.Inputs[0].Length == 0
                || Permutation(graph, first) is not { } p1 || Permutation(graph, second) is not { } p2 || p1.Length != p2.Length)
                continue;
            long[] composed = new long[p2.Length];
            bool identity = true;
            for (int i = 0; i < composed.Length; i++)
            {
                composed[i] = p1[p2[i]];
                identity &= composed[i] == i;
            }
            string output = second.Outputs[0];
            if (identity && !graph.IsGraphOutput(output))
            {
                yield return GraphPatch.Bypass(second, output, first.Inputs[0]);
                continue;
            }
            Node replacement = identity
                ? new Node("Identity", [first.Inputs[0]], [output], second.Name)
                : new Node("Transpose", [first.Inputs[0]], [output], second.Name).With(Attribute.Create("perm", composed));
            yield return new GraphPatch([second], [replacement]);
        }
    }

    private static bool IsTranspose(Node node) =>
        node.OpType == "Transpose" && node.Domain.Length == 0 && node.Inputs.Count == 1 && node.Inputs[0].Length > 0 && node.Outputs.Count == 1 && node.Outputs[0].Length > 0;

    /// <summary>The node's perm, or the reversal of its input's axes when it has none and the rank is known; null when invalid or unknown.</summary>
    private static int[]? Permutation(GraphView graph, Node node)
    {
        if (node.FindAttribute("perm") is { } attribute)
        {
            int rank = attribute.Ints.Count;
            var seen = new bool[rank];
            var perm = new int[rank];
            for (int i = 0; i < rank; i++)
            {
                long axis = attribute.Ints[i];
                if (axis < 0 || axis >= rank || seen[axis])
                    return null;
                seen[axis] = true;
                perm[i] = (int)axis;
            }
            return graph.Type(node.Inputs[0]) is TensorTypeInfo { Shape: { } shape } && shape.Rank != rank ? null : perm;
        }
        if (graph.Type(node.Inputs[0]) is not TensorTypeInfo { Shape: { } known })
            return null;
        return [.. Enumerable.Range(0, known.Rank).Reverse()];
    }
}
