namespace Onyx.Cli.Commands;

/// <summary>What a model-properties panel shows about a model, computed once from the IR.</summary>
internal sealed record ModelSummary(
    string Path,
    long IrVersion,
    string ProducerName,
    string ProducerVersion,
    string Domain,
    long ModelVersion,
    string DocString,
    IReadOnlyList<OpsetImport> Opsets,
    IReadOnlyList<ValueInfo> Inputs,
    IReadOnlyList<ValueInfo> Outputs,
    int InitializerCount,
    long InlineInitializerBytes,
    long ExternalInitializerBytes,
    int NodeCount,
    int SubgraphNodeCount,
    IReadOnlyList<KeyValuePair<string, int>> OpTypeCounts,
    IReadOnlyList<Function> Functions,
    IReadOnlyList<MetadataEntry> Metadata,
    IReadOnlyList<ValueInfo>? Values,
    IReadOnlyList<ShapeInferenceException> InferenceProblems)
{
    /// <summary>Summarises <paramref name="model"/>; with <paramref name="withValues"/> it lists the graph's intermediate values (inferred beforehand).</summary>
    public static ModelSummary Of(string path, Model model, bool withValues = false, IReadOnlyList<ShapeInferenceException>? inferenceProblems = null)
    {
        Graph graph = model.Graph;
        var initializerNames = new HashSet<string>(graph.Initializers.Select(t => t.Name), StringComparer.Ordinal);
        long inline = 0, external = 0;
        foreach (Tensor tensor in graph.Initializers)
        {
            long bytes = SizeOf(tensor);
            if (tensor.DataLocation == TensorDataLocation.External)
                external += bytes;
            else
                inline += bytes;
        }
        var opCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        int subgraphNodes = 0;
        CountNodes(graph, opCounts, ref subgraphNodes, isSubgraph: false);
        return new ModelSummary(
            path, model.IrVersion, model.ProducerName, model.ProducerVersion, model.Domain, model.ModelVersion, model.DocString,
            model.OpsetImports,
            [.. graph.Inputs.Where(i => !initializerNames.Contains(i.Name))],
            graph.Outputs,
            graph.Initializers.Count + graph.SparseInitializers.Count,
            inline, external,
            graph.Nodes.Count, subgraphNodes,
            [.. opCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)],
            model.Functions,
            model.Metadata,
            withValues ? graph.ValueInfos : null,
            inferenceProblems ?? []);
    }

    /// <summary>The bytes of a tensor's values; for external data not loaded, what its type and shape need.</summary>
    private static long SizeOf(Tensor tensor)
    {
        if (tensor.DataType == DataType.String)
            return tensor.Strings.Sum(s => (long)s.Length);
        if (!tensor.RawData.IsEmpty || tensor.DataType.BitsPerElement() == 0)
            return tensor.RawData.Length;
        return tensor.DataType.ByteCount(tensor.ElementCount);
    }

    /// <summary>Counts op types over the graph and its subgraphs (the subgraph nodes also separately).</summary>
    private static void CountNodes(Graph graph, Dictionary<string, int> counts, ref int subgraphNodes, bool isSubgraph)
    {
        foreach (Node node in graph.Nodes)
        {
            string key = node.Domain.Length == 0 || node.Domain == "ai.onnx" ? node.OpType : $"{node.Domain}.{node.OpType}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
            if (isSubgraph)
                subgraphNodes++;
            foreach (Attribute attribute in node.Attributes)
            {
                if (attribute.Graph is not null)
                    CountNodes(attribute.Graph, counts, ref subgraphNodes, isSubgraph: true);
                foreach (Graph g in attribute.Graphs)
                    CountNodes(g, counts, ref subgraphNodes, isSubgraph: true);
            }
        }
    }
}
