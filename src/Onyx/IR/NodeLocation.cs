namespace Onyx;

/// <summary>Where in a model something is: the graph path, and when it concerns a node, which node and which operator version.</summary>
/// <param name="GraphPath">The graph, then each subgraph attribute on the way down, e.g. <c>main/loop_1:body</c>; or <c>function domain.name</c>.</param>
/// <param name="NodeIndex">The node's position in its graph; -1 when the location is the graph itself.</param>
/// <param name="NodeName">The node's name (may be empty).</param>
/// <param name="OpType">The node's operator type.</param>
/// <param name="Domain">The node's domain as written.</param>
/// <param name="Version">The resolved since-version of the operator's schema; null when none was resolved.</param>
public sealed record NodeLocation(string GraphPath, int NodeIndex = -1, string NodeName = "", string OpType = "", string Domain = "", int? Version = null)
{
    /// <summary>A location naming just a graph.</summary>
    public static NodeLocation OfGraph(string graphPath) => new(graphPath);

    /// <inheritdoc/>
    public override string ToString()
    {
        if (NodeIndex < 0)
            return GraphPath;
        string op = (Domain.Length > 0 && Domain != "ai.onnx" ? Domain + "." : "") + OpType + (Version is int v ? "-" + v : "");
        string name = NodeName.Length > 0 ? $" '{NodeName}'" : "";
        return $"{GraphPath}: node {NodeIndex}{name} ({op})";
    }
}
