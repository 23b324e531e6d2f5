namespace Onyx.Runtime.Optimizer;

/// <summary>
/// One rewrite of the graph: it reads a <see cref="GraphView"/> and proposes patches; <see cref="GraphRewriter"/>
/// applies them. A pass never edits the graph itself.
/// </summary>
internal abstract class GraphPass
{
    /// <summary>The lowest optimization level that runs the pass.</summary>
    public abstract GraphOptimizationLevel Level { get; }

    public string Name => GetType().Name;

    public abstract IEnumerable<GraphPatch> Find(GraphView graph);
}
