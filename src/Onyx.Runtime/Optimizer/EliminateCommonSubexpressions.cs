namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Computes each value once. A node with the same operator (domain, type, overload, opset), the same inputs and
/// attributes equal in value as an earlier node goes, its readers reading the earlier node's outputs; nodes that hold
/// subgraphs, draw random numbers or produce other than tensors stay. Small initializers (at most
/// <see cref="MaxMergedInitializerBytes"/> bytes) equal in type, dims and bytes are merged the same way. A value that
/// is a graph output keeps its producer.
/// </summary>
internal sealed class EliminateCommonSubexpressions : GraphPass
{
    public const int MaxMergedInitializerBytes = 256;

    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Basic;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var patches = new List<GraphPatch>();
        MergeInitializers(graph, renamed, patches);
        var seen = new Dictionary<string, List<Node>>(StringComparer.Ordinal);
        foreach (Node node in graph.Graph.Nodes)
        {
            if (!Mergeable(graph, node))
                continue;
            string key = Key(graph, node, renamed);
            if (!seen.TryGetValue(key, out List<Node>? candidates))
                seen[key] = candidates = [];
            Node? twin = candidates.Find(c => SameOutputs(c, node) && SameAttributes(c.Attributes, node.Attributes));
            if (twin is null || node.Outputs.Exists(graph.IsGraphOutput))
            {
                candidates.Add(node);
                continue;
            }
            var renames = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < node.Outputs.Count; i++)
                if (node.Outputs[i].Length > 0)
                    renames[node.Outputs[i]] = renamed[node.Outputs[i]] = twin.Outputs[i];
            patches.Add(new GraphPatch([node], []) { Renamed = renames });
        }
        return patches;
    }

    private static void MergeInitializers(GraphView graph, Dictionary<string, string> renamed, List<GraphPatch> patches)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Tensor t in graph.Graph.Initializers)
        {
            if (t.DataType == DataType.String || t.RawData.Length > MaxMergedInitializerBytes || graph.Constant(t.Name) != t || graph.IsGraphOutput(t.Name)
                || !t.HasData || t.DataLocation == TensorDataLocation.External)
                continue;
            string key = $"{(int)t.DataType}:{string.Join(",", t.Dims)}:{Convert.ToHexString(t.RawData.Span)}";
            if (first.TryGetValue(key, out string? twin))
                patches.Add(new GraphPatch([], []) { Renamed = new Dictionary<string, string> { [t.Name] = renamed[t.Name] = twin } });
            else
                first[key] = t.Name;
        }
    }

    private static bool Mergeable(GraphView graph, Node node) =>
        node.Outputs.Count > 0 && !ConstantFolding.RandomOperators.Contains(node.OpType)
        && !node.Attributes.Exists(a => a.Graph is not null || a.Graphs.Count > 0 || a.RefAttrName.Length > 0)
        && node.Outputs.TrueForAll(o => o.Length == 0 || graph.Type(o) is TensorTypeInfo);

    /// <summary>What two nodes computing the same value share: operator, opset, inputs (as renamed so far) and output count.</summary>
    private static string Key(GraphView graph, Node node, Dictionary<string, string> renamed)
    {
        var key = new System.Text.StringBuilder();
        key.Append(node.Domain).Append('\u0001').Append(node.OpType).Append('\u0001').Append(node.Overload).Append('\u0001')
            .Append(graph.OpsetOf(node)).Append('\u0001').Append(node.Outputs.Count);
        foreach (string input in node.Inputs)
            key.Append('\u0001').Append(renamed.GetValueOrDefault(input, input));
        return key.ToString();
    }

    /// <summary>True when <paramref name="twin"/> produces every output <paramref name="node"/> names.</summary>
    private static bool SameOutputs(Node twin, Node node)
    {
        for (int i = 0; i < node.Outputs.Count; i++)
            if (node.Outputs[i].Length > 0 && twin.Outputs[i].Length == 0)
                return false;
        return true;
    }

    private static bool SameAttributes(List<Attribute> a, List<Attribute> b)
    {
        if (a.Count != b.Count)
            return false;
        foreach (Attribute x in a)
            if (b.Find(y => y.Name == x.Name) is not { } y || !Same(x, y))
                return false;
        return true;
    }

    private static bool Same(Attribute x, Attribute y) =>
        x.Type == y.Type
        && BitConverter.SingleToInt32Bits(x.Float) == BitConverter.SingleToInt32Bits(y.Float) && x.Int == y.Int
        && (x.StringBytes ?? []).AsSpan().SequenceEqual(y.StringBytes ?? [])
        && x.Floats.Count == y.Floats.Count && x.Floats.Select(BitConverter.SingleToInt32Bits).SequenceEqual(y.Floats.Select(BitConverter.SingleToInt32Bits))
        && x.Ints.SequenceEqual(y.Ints)
        && x.Strings.Count == y.Strings.Count && x.Strings.Zip(y.Strings).All(p => p.First.AsSpan().SequenceEqual(p.Second))
        && Same(x.Tensor, y.Tensor) && x.Tensors.Count == y.Tensors.Count && x.Tensors.Zip(y.Tensors).All(p => Same(p.First, p.Second))
        && x.SparseTensor is null && y.SparseTensor is null && x.SparseTensors.Count == 0 && y.SparseTensors.Count == 0
        && x.TypeValue?.ToString() == y.TypeValue?.ToString()
        && x.TypeValues.Select(t => t.ToString()).SequenceEqual(y.TypeValues.Select(t => t.ToString()));

    private static bool Same(Tensor? x, Tensor? y) =>
        x is null || y is null
            ? x is null && y is null
            : x.DataType == y.DataType && x.Dims.AsSpan().SequenceEqual(y.Dims) && x.HasData && y.HasData && x.DataLocation != TensorDataLocation.External
              && y.DataLocation != TensorDataLocation.External && x.RawData.Span.SequenceEqual(y.RawData.Span)
              && x.Strings.Count == y.Strings.Count && x.Strings.Zip(y.Strings).All(p => p.First.AsSpan().SequenceEqual(p.Second));
}
