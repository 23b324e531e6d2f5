namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Applies the patches of one pass to a graph. A patch whose nodes or renamed values an earlier patch of the batch
/// already took is skipped (the pass sees it again next round); one that would rename a graph output is refused. A
/// patch may only rename (e.g. one initializer to its twin), removing no node. Added nodes take the place of the last
/// removed node and the opset versions it was resolved with (an added node of a domain those versions lack, such as
/// ai.onyx, resolves with the model's imports); initializers nothing reads any
/// more are dropped. The result is checked: every value must be defined before it is read.
/// </summary>
internal static class GraphRewriter
{
    /// <summary>Applies <paramref name="patches"/> to <paramref name="graph"/>; returns how many were applied.</summary>
    public static int Apply(Graph graph, IEnumerable<GraphPatch> patches, Dictionary<Node, IReadOnlyDictionary<string, long>> nodeOpsets, string passName)
    {
        var position = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < graph.Nodes.Count; i++)
            position[graph.Nodes[i]] = i;
        var graphOutputs = graph.Outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var removed = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        var insertions = new Dictionary<Node, IReadOnlyList<Node>>(ReferenceEqualityComparer.Instance);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        int applied = 0;
        foreach (GraphPatch patch in patches)
        {
            if ((patch.Removed.Count == 0 && (patch.Added.Count > 0 || patch.Renamed.Count == 0))
                || patch.Removed.Any(n => removed.Contains(n) || !position.ContainsKey(n))
                || patch.Renamed.Keys.Any(n => graphOutputs.Contains(n) || renamed.ContainsKey(n)))
                continue;
            if (patch.Removed.Count > 0)
            {
                Node anchor = patch.Removed.MaxBy(n => position[n])!;
                insertions[anchor] = patch.Added;
                if (nodeOpsets.TryGetValue(anchor, out IReadOnlyDictionary<string, long>? opsets))
                    foreach (Node added in patch.Added.Where(n => opsets.ContainsKey(OperatorDomains.Normalize(n.Domain))))
                        nodeOpsets[added] = opsets;
            }
            removed.UnionWith(patch.Removed);
            foreach (Node node in patch.Removed)
                nodeOpsets.Remove(node);
            foreach (var (from, to) in patch.Renamed)
                renamed[from] = to;
            graph.Initializers.AddRange(patch.Initializers);
            applied++;
        }
        if (applied == 0)
            return 0;

        var nodes = new List<Node>(graph.Nodes.Count);
        foreach (Node node in graph.Nodes)
        {
            if (insertions.TryGetValue(node, out IReadOnlyList<Node>? added))
                nodes.AddRange(added);
            if (!removed.Contains(node))
                nodes.Add(node);
        }
        graph.Nodes.Clear();
        graph.Nodes.AddRange(nodes);
        if (renamed.Count > 0)
            Rename(graph, name => Resolve(renamed, name));
        DropUnreadInitializers(graph);
        Verify(graph, passName);
        return applied;
    }

    private static string Resolve(Dictionary<string, string> renamed, string name)
    {
        for (int hops = 0; hops <= renamed.Count && renamed.TryGetValue(name, out string? next); hops++)
            name = next;
        return name;
    }

    /// <summary>Renames what the nodes of <paramref name="graph"/> read, into subgraphs for names they do not define themselves.</summary>
    private static void Rename(Graph graph, Func<string, string> rename)
    {
        foreach (Node node in graph.Nodes)
        {
            for (int i = 0; i < node.Inputs.Count; i++)
                if (node.Inputs[i].Length > 0)
                    node.Inputs[i] = rename(node.Inputs[i]);
            foreach (Attribute attribute in node.Attributes)
                foreach (Graph subgraph in attribute.Graph is { } g ? [g] : attribute.Graphs)
                {
                    var local = subgraph.Inputs.Select(i => i.Name).Concat(subgraph.Initializers.Select(t => t.Name))
                        .Concat(subgraph.Nodes.SelectMany(n => n.Outputs)).ToHashSet(StringComparer.Ordinal);
                    Rename(subgraph, name => local.Contains(name) ? name : rename(name));
                    foreach (ValueInfo output in subgraph.Outputs.Where(o => !local.Contains(o.Name)))
                        output.Name = rename(output.Name);
                }
        }
    }

    private static void DropUnreadInitializers(Graph graph)
    {
        var read = graph.Nodes.SelectMany(n => n.Inputs.Concat(Planning.Captures.Of(n)))
            .Concat(graph.Inputs.Select(i => i.Name)).Concat(graph.Outputs.Select(o => o.Name)).ToHashSet(StringComparer.Ordinal);
        graph.Initializers.RemoveAll(t => !read.Contains(t.Name));
    }

    private static void Verify(Graph graph, string passName)
    {
        var defined = graph.Inputs.Select(i => i.Name).Concat(graph.Initializers.Select(t => t.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (Node node in graph.Nodes)
        {
            foreach (string input in node.Inputs.Concat(Planning.Captures.Of(node)))
                if (input.Length > 0 && !defined.Contains(input))
                    throw new InvalidOperationException($"The optimizer pass {passName} left node {node} reading '{input}' before it is defined.");
            defined.UnionWith(node.Outputs);
        }
        foreach (ValueInfo output in graph.Outputs)
            if (!defined.Contains(output.Name))
                throw new InvalidOperationException($"The optimizer pass {passName} left graph output '{output.Name}' undefined.");
    }
}
