namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Replaces a chain of ops that only reshape (Reshape, Flatten, Squeeze, Unsqueeze, each reading the one before) by
/// one Reshape of the chain's first input to a constant shape, when the last output's dims are all known and
/// non-zero (a zero in a Reshape target means "copy the dim"). Links of the chain that something else reads stay.
/// </summary>
internal sealed class FuseReshapes : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Basic;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node last in graph.Graph.Nodes)
        {
            if (!Reshapes(last) || graph.Producer(last.Inputs[0]) is not { } producer || !Reshapes(producer) || graph.OpsetOf(last) < 5
                || graph.StaticDims(last.Outputs[0]) is not { } dims || Array.Exists(dims, d => d <= 0))
                continue;
            string source = producer.Inputs[0];
            while (graph.Producer(source) is { } earlier && Reshapes(earlier))
                source = earlier.Inputs[0];
            if (graph.Type(source) is not TensorTypeInfo)
                continue;
            Tensor shape = Tensor.FromArray(dims, dims.Length);
            shape.Name = graph.FreshName(last.Outputs[0] + "_shape");
            yield return new GraphPatch([last], [new Node("Reshape", [source, shape.Name], [last.Outputs[0]], last.Name)]) { Initializers = [shape] };
        }
    }

    private static bool Reshapes(Node node) =>
        node.OpType is "Reshape" or "Flatten" or "Squeeze" or "Unsqueeze" && node.Domain.Length == 0 && node.Inputs.Count > 0 && node.Inputs[0].Length > 0
        && node.Outputs.Count == 1 && node.Outputs[0].Length > 0;
}
