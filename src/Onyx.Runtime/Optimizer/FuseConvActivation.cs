using static Onyx.Runtime.Optimizer.FusionOperands;

namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Writes ai.onyx.FusedConv for a float Conv followed by an Add and/or an activation (<see cref="FusionOperands.Activation"/>):
/// the Add's other operand becomes the bias when the Conv has none and it is a constant of one value per output channel
/// ([M, 1, …] or [1, M, 1, …]), or Z when it has the Conv output's shape (a residual branch). Also an activation after a
/// FusedConv that has none.
/// </summary>
internal sealed class FuseConvActivation : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Extended;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node node in graph.Graph.Nodes)
        {
            GraphPatch? patch = node switch
            {
                { OpType: "Conv", Domain: "" } => FromConv(graph, node),
                { OpType: "FusedConv", Domain: OperatorDomains.Onyx } when (node.FindAttribute("activation")?.StringValue ?? "none") == "none" => WithActivation(graph, node),
                _ => null,
            };
            if (patch is not null)
                yield return patch;
        }
    }

    private static GraphPatch? FromConv(GraphView graph, Node conv)
    {
        if (conv.Outputs.Count != 1 || conv.Inputs.Count < 2 || !IsFloatTensor(graph, conv.Inputs[0]) || Dims(graph, conv.Outputs[0]) is not { Count: >= 3 } dims
            || dims[1].Value is not long channels)
        {
            return null;
        }
        string output = conv.Outputs[0];
        string bias = conv.Inputs.Count > 2 ? conv.Inputs[2] : "", z = "";
        List<Node> removed = [conv];
        List<Tensor> added = [];
        if (SoleReader(graph, output, "Add") is { } add)
        {
            string other = Other(add, output);
            if (bias.Length == 0 && PerChannel(graph, other, dims.Count, channels) is { } values)
            {
                Tensor t = Initializer(graph, "bias", values, channels);
                added.Add(t);
                bias = t.Name;
            }
            else if (other != output && IsFloatTensor(graph, other) && SameShape(graph, other, output) && SameShape(graph, output, add.Outputs[0]))
            {
                z = other;
            }
            else
            {
                return null;
            }
            removed.Add(add);
            output = add.Outputs[0];
        }
        (Node? activation, string name, float[] parameters) = FollowingActivation(graph, output);
        if (activation is not null)
        {
            removed.Add(activation);
            output = activation.Outputs[0];
        }
        if (removed.Count == 1)
            return null;
        var node = new Node("FusedConv", z.Length > 0 ? [conv.Inputs[0], conv.Inputs[1], bias, z] : bias.Length > 0 ? [conv.Inputs[0], conv.Inputs[1], bias] : conv.Inputs.Take(2),
            [output], conv.Name, OperatorDomains.Onyx);
        node.Attributes.AddRange(conv.Attributes);
        if (name != "none")
            node.Attributes.AddRange(ActivationAttributes(name, parameters));
        return new GraphPatch(removed, [node]) { Initializers = added };
    }

    private static GraphPatch? WithActivation(GraphView graph, Node fused)
    {
        if (fused.Outputs.Count != 1)
            return null;
        (Node? activation, string name, float[] parameters) = FollowingActivation(graph, fused.Outputs[0]);
        if (activation is null)
            return null;
        var node = new Node("FusedConv", fused.Inputs, [activation.Outputs[0]], fused.Name, OperatorDomains.Onyx);
        node.Attributes.AddRange(fused.Attributes.Where(a => a.Name is not ("activation" or "activation_params")));
        node.Attributes.AddRange(ActivationAttributes(name, parameters));
        return new GraphPatch([fused, activation], [node]);
    }

    /// <summary>A float constant adding one value per channel to an N × M × … tensor of rank <paramref name="rank"/> without changing its shape, or null.</summary>
    private static float[]? PerChannel(GraphView graph, string value, int rank, long channels)
    {
        if (Constant(graph, value) is not { DataType: DataType.Float, HasData: true } t || t.Dims.Length > rank || t.Dims.Length < rank - 1 || t.ElementCount != channels)
            return null;
        int channelAxis = t.Dims.Length - (rank - 1);
        for (int i = 0; i < t.Dims.Length; i++)
        {
            if (i != channelAxis && t.Dims[i] != 1)
                return null;
        }
        return t.Dims[channelAxis] == channels ? t.ToArray<float>() : null;
    }
}
