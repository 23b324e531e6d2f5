namespace Onyx.Runtime.Optimizer;

/// <summary>
/// One rewrite a pass proposes: <see cref="Removed"/> nodes leave the graph, <see cref="Added"/> nodes take the
/// place of the last of them (in order), <see cref="Initializers"/> join the graph, and every reader of a key of
/// <see cref="Renamed"/> reads its value instead. Outputs of removed nodes that are still read must be produced by
/// an added node or renamed away; the rewriter checks this.
/// </summary>
internal sealed record GraphPatch(IReadOnlyList<Node> Removed, IReadOnlyList<Node> Added)
{
    public IReadOnlyList<Tensor> Initializers { get; init; } = [];

    public IReadOnlyDictionary<string, string> Renamed { get; init; } = new Dictionary<string, string>();

    /// <summary>Removes <paramref name="node"/> and lets the readers of its output <paramref name="output"/> read <paramref name="source"/>.</summary>
    public static GraphPatch Bypass(Node node, string output, string source) =>
        new([node], []) { Renamed = new Dictionary<string, string> { [output] = source } };
}
