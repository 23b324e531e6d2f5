using static Onyx.Runtime.Optimizer.FusionOperands;

namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Writes LayerNormalization over the last axis for the float subgraph exporters write before opset 17:
/// m = ReduceMean(x), d = x − m, v = ReduceMean(d² as Pow(d, 2) or d·d), y = d / Sqrt(v + ε) · γ (+ β), the means over
/// the last axis with kept dims and γ, β constants of one value per last-axis element. The node is LayerNormalization-17
/// where the model imports ai.onnx 17 or later, else ai.onyx.LayerNormalization.
/// </summary>
internal sealed class FuseLayerNormalization : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Extended;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node node in graph.Graph.Nodes)
        {
            if (node is { OpType: "ReduceMean", Domain: "", Outputs.Count: 1 } && Match(graph, node) is { } patch)
                yield return patch;
        }
    }

    private static GraphPatch? Match(GraphView graph, Node mean)
    {
        string x = mean.Inputs[0];
        if (!IsFloatTensor(graph, x) || Dims(graph, x) is not { Count: > 0 } dims || dims[^1].Value is not long width || !OverLastAxis(graph, mean, dims.Count))
            return null;
        if (SoleReader(graph, mean.Outputs[0], "Sub") is not { } sub || sub.Inputs[0] != x || sub.Inputs[1] != mean.Outputs[0])
            return null;
        string d = sub.Outputs[0];
        IReadOnlyList<Node> readers = graph.ReadersOf(d);
        if (graph.IsGraphOutput(d) || graph.IsReadBySubgraph(d))
            return null;
        Node? square = readers.FirstOrDefault(r => r is { OpType: "Pow", Domain: "" } && r.Inputs[0] == d && IsScalar(graph, r.Inputs[1], 2))
            ?? readers.FirstOrDefault(r => r is { OpType: "Mul", Domain: "" } && r.Inputs[0] == d && r.Inputs[1] == d);
        Node? div = readers.FirstOrDefault(r => r is { OpType: "Div", Domain: "" } && r.Inputs[0] == d);
        if (square is null || div is null || readers.Count != (square.OpType == "Mul" ? 3 : 2))
            return null;
        if (SoleReader(graph, square.Outputs[0], "ReduceMean") is not { } variance || !OverLastAxis(graph, variance, dims.Count)
            || SoleReader(graph, variance.Outputs[0], "Add") is not { } plusEpsilon || Scalar(graph, Other(plusEpsilon, variance.Outputs[0])) is not float epsilon
            || SoleReader(graph, plusEpsilon.Outputs[0], "Sqrt") is not { } sqrt || SoleReader(graph, sqrt.Outputs[0], "Div") != div || div.Inputs[1] != sqrt.Outputs[0])
        {
            return null;
        }
        if (SoleReader(graph, div.Outputs[0], "Mul") is not { } scale || RowVector(graph, Other(scale, div.Outputs[0]), dims.Count, width) is not { } gamma)
            return null;
        List<Node> removed = [mean, sub, square, variance, plusEpsilon, sqrt, div, scale];
        List<Tensor> added = [Initializer(graph, "gamma", gamma, width)];
        string output = scale.Outputs[0];
        if (SoleReader(graph, output, "Add") is { } shift && RowVector(graph, Other(shift, output), dims.Count, width) is { } beta)
        {
            removed.Add(shift);
            added.Add(Initializer(graph, "beta", beta, width));
            output = shift.Outputs[0];
        }
        bool standard = graph.OpsetOf(mean) >= 17;
        var node = new Node("LayerNormalization", [x, .. added.Select(t => t.Name)], [output], mean.Name, standard ? "" : OperatorDomains.Onyx);
        node.Attributes.Add(Attribute.Create("axis", -1L));
        node.Attributes.Add(Attribute.Create("epsilon", epsilon));
        return new GraphPatch(removed, [node]) { Initializers = added };
    }

    /// <summary>True when <paramref name="reduce"/> averages over exactly the last of <paramref name="rank"/> axes and keeps it.</summary>
    private static bool OverLastAxis(GraphView graph, Node reduce, int rank)
    {
        if ((reduce.FindAttribute("keepdims")?.Int ?? 1) != 1)
            return false;
        long[]? axes = reduce.FindAttribute("axes")?.Ints is { } list ? [.. list]
            : reduce.Inputs.Count > 1 && reduce.Inputs[1].Length > 0 && Constant(graph, reduce.Inputs[1]) is { DataType: DataType.Int64, HasData: true } t ? t.ToArray<long>() : null;
        return axes is [long axis] && (axis == -1 || axis == rank - 1);
    }
}
