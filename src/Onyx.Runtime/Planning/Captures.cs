namespace Onyx.Runtime.Planning;

/// <summary>
/// The outer-scope values a subgraph reads: names its nodes (and nested subgraphs) use, or its outputs name, that the
/// subgraph does not define itself (as an input, an initializer or a node output).
/// </summary>
internal static class Captures
{
    /// <summary>What the subgraphs of <paramref name="node"/> read from outside, in order of first use.</summary>
    public static string[] Of(Node node) =>
        [.. node.Attributes.SelectMany(a => a.Graph is { } g ? [g] : a.Graphs).SelectMany(Of).Distinct(StringComparer.Ordinal)];

    /// <summary>What <paramref name="graph"/> reads from outside, in order of first use.</summary>
    public static string[] Of(Graph graph)
    {
        var defined = new HashSet<string>(graph.Inputs.Select(i => i.Name).Concat(graph.Initializers.Select(t => t.Name)), StringComparer.Ordinal);
        var read = new List<string>();
        foreach (Node node in graph.Nodes)
        {
            read.AddRange(node.Inputs.Concat(Of(node)).Where(n => n.Length > 0 && !defined.Contains(n)));
            defined.UnionWith(node.Outputs);
        }
        read.AddRange(graph.Outputs.Select(o => o.Name).Where(n => !defined.Contains(n)));
        return [.. read.Distinct(StringComparer.Ordinal)];
    }
}
