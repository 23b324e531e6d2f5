using static Onyx.Runtime.Optimizer.FusionOperands;

namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Writes ai.onyx.ScaledDotProductAttention for the float core of exported attention layers:
/// MatMul(Q, KT) → Div or Mul by a constant scalar (optional) → Add of a mask that broadcasts to the scores (optional) →
/// Softmax over the last axis → MatMul(·, V), with Q, KT and V of one rank and batch dims known to be equal. Constant
/// scalar Mul nodes on Q and KT (as exports of scaled_dot_product_attention write them) join the scale.
/// </summary>
internal sealed class FuseScaledDotProductAttention : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Extended;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node node in graph.Graph.Nodes)
        {
            if (node is { OpType: "Softmax", Domain: "", Outputs.Count: 1, Inputs.Count: 1 } && Match(graph, node) is { } patch)
                yield return patch;
        }
    }

    private static GraphPatch? Match(GraphView graph, Node softmax)
    {
        string scores = softmax.Inputs[0];
        if (Rank(graph, scores) is not int rank || rank < 2 || !IsFloatTensor(graph, scores) || !OverLastAxis(graph, softmax, rank))
            return null;
        if (SoleReader(graph, softmax.Outputs[0], "MatMul") is not { } context || context.Inputs[0] != softmax.Outputs[0])
            return null;
        List<Node> removed = [softmax, context];
        string mask = "";
        if (SoleProducer(graph, scores, "Add") is { } add)
        {
            foreach (string candidate in add.Inputs)
            {
                string other = Other(add, candidate);
                if (other == candidate || !IsFloatTensor(graph, other) || Rank(graph, candidate) != rank || !BroadcastsTo(graph, other, candidate))
                    continue;
                mask = other;
                scores = candidate;
                removed.Add(add);
                break;
            }
        }
        double scale = 1;
        if (graph.Producer(scores) is { Domain: "", OpType: "Div" or "Mul" } scaling && graph.HasSingleReader(scores))
        {
            float? c = Scalar(graph, scaling.Inputs[1]);
            string input = scaling.Inputs[0];
            if (c is null && scaling.OpType == "Mul" && Scalar(graph, scaling.Inputs[0]) is float first)
                (c, input) = (first, scaling.Inputs[1]);
            if (c is float factor && factor != 0 && Rank(graph, input) == rank)
            {
                scale = scaling.OpType == "Div" ? 1 / (double)factor : factor;
                scores = input;
                removed.Add(scaling);
            }
        }
        if (SoleProducer(graph, scores, "MatMul") is not { Inputs.Count: 2 } product)
            return null;
        removed.Add(product);
        (string q, double qScale) = Unscaled(graph, product.Inputs[0], removed);
        (string kt, double kScale) = Unscaled(graph, product.Inputs[1], removed);
        string v = context.Inputs[1];
        if (Dims(graph, q) is not { } qDims || Dims(graph, kt) is not { } kDims || Dims(graph, v) is not { } vDims
            || qDims.Count != rank || kDims.Count != rank || vDims.Count != rank || !IsFloatTensor(graph, q) || !IsFloatTensor(graph, kt) || !IsFloatTensor(graph, v))
        {
            return null;
        }
        for (int i = 0; i < rank - 2; i++)
        {
            if (!SameDim(qDims[i], kDims[i]) || !SameDim(qDims[i], vDims[i]))
                return null;
        }
        var node = new Node("ScaledDotProductAttention", mask.Length > 0 ? [q, kt, v, mask] : [q, kt, v], [context.Outputs[0]], product.Name, OperatorDomains.Onyx);
        node.Attributes.Add(Attribute.Create("scale", (float)(scale * qScale * kScale)));
        return new GraphPatch(removed, [node]);
    }

    /// <summary>The input of a Mul by a constant scalar that alone feeds <paramref name="value"/>, with the scalar; else the value itself and 1.</summary>
    private static (string, double) Unscaled(GraphView graph, string value, List<Node> removed)
    {
        if (SoleProducer(graph, value, "Mul") is not { Inputs.Count: 2 } mul)
            return (value, 1);
        for (int i = 0; i < 2; i++)
        {
            if (Scalar(graph, mul.Inputs[i]) is float c && Rank(graph, mul.Inputs[1 - i]) is int r && r == Rank(graph, value))
            {
                removed.Add(mul);
                return (mul.Inputs[1 - i], c);
            }
        }
        return (value, 1);
    }

    /// <summary>Softmax over the last axis: axis −1 or rank − 1 (before version 13 the default axis 1 flattens, which is the last only for rank 2).</summary>
    private static bool OverLastAxis(GraphView graph, Node softmax, int rank)
    {
        long axis = softmax.FindAttribute("axis")?.Int ?? (graph.OpsetOf(softmax) >= 13 ? -1 : 1);
        return axis == -1 || axis == rank - 1;
    }

    /// <summary>True when <paramref name="mask"/>'s known dims broadcast to <paramref name="target"/>'s without changing them.</summary>
    private static bool BroadcastsTo(GraphView graph, string mask, string target)
    {
        if (Dims(graph, mask) is not { } m || Dims(graph, target) is not { } t || m.Count > t.Count)
            return false;
        for (int i = 0; i < m.Count; i++)
        {
            Dim d = m[i], full = t[t.Count - m.Count + i];
            if (d.Value != 1 && !SameDim(d, full))
                return false;
        }
        return true;
    }
}
