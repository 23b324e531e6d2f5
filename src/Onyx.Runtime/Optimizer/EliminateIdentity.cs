namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Removes nodes that pass their input through unchanged: Identity on a tensor, and Dropout in inference mode (no
/// <c>training_mode</c> input, or a constant false one) whose mask output nothing reads. Their readers read the
/// input instead. A node whose output is a graph output stays (the output's name is part of the model's interface).
/// </summary>
internal sealed class EliminateIdentity : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Basic;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node node in graph.Graph.Nodes)
        {
            if (node.Domain.Length > 0 || node.Inputs.Count == 0 || node.Inputs[0].Length == 0 || node.Outputs.Count == 0
                || graph.IsGraphOutput(node.Outputs[0]) || graph.Type(node.Inputs[0]) is not TensorTypeInfo)
                continue;
            bool passThrough = node.OpType switch
            {
                "Identity" => true,
                "Dropout" => IsInferenceDropout(graph, node),
                _ => false,
            };
            if (passThrough)
                yield return GraphPatch.Bypass(node, node.Outputs[0], node.Inputs[0]);
        }
    }

    private static bool IsInferenceDropout(GraphView graph, Node node)
    {
        if (node.Outputs.Count > 1 && node.Outputs[1].Length > 0 && (graph.ReadersOf(node.Outputs[1]).Count > 0 || graph.IsGraphOutput(node.Outputs[1])))
            return false;
        // Before version 7 a Dropout trains unless is_test is set; from 12 the training_mode input decides.
        if (graph.OpsetOf(node) < 7 && node.FindAttribute("is_test") is not { Int: not 0 })
            return false;
        if (node.Inputs.Count < 3 || node.Inputs[2].Length == 0)
            return true;
        return graph.Constant(node.Inputs[2]) is { ElementCount: 1 } mode && mode.DataType == DataType.Bool && mode.RawData.Span[0] == 0;
    }
}
