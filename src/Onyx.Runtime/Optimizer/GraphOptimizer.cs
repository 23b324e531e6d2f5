using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Rewrites a model's main graph with the passes its optimization level selects, each in turn, repeating the whole
/// sequence until no pass changes anything (at most <see cref="MaxRounds"/> times). Types are inferred again after
/// every pass that changed the graph, so the next one sees the shapes of what was added.
/// </summary>
internal static class GraphOptimizer
{
    private const int MaxRounds = 8;

    /// <summary>Every pass, in the order they run.</summary>
    internal static IReadOnlyList<GraphPass> Passes { get; } =
    [
        new EliminateIdentity(),
        new SumOfTwoAsAdd(),
        new EliminateDeadCode(),
        new ShapeFolding(),
        new ConstantFolding(),
        new EliminateCommonSubexpressions(),
        new EliminateTransposes(),
        new FuseReshapes(),
        new FuseConvAffine(),
        new FuseMatMulAdd(),
        new FuseGelu(),
        new FuseLayerNormalization(),
        new FuseMatMulBiasActivation(),
        new FuseConvActivation(),
        new FuseScaledDotProductAttention(),
    ];

    /// <summary>
    /// Optimizes <paramref name="model"/> in place at <paramref name="options"/>' level; passes that evaluate nodes run
    /// them with <paramref name="kernels"/>. <paramref name="nodeOpsets"/> holds the opset versions of inlined nodes
    /// (kept up to date for added nodes); <paramref name="infer"/> infers the graph's types again and returns them.
    /// <paramref name="applied"/>, when given, counts the patches each pass applied, by pass name; constant folding computes
    /// values of up to <paramref name="maxFoldedBytes"/>. Returns the types of the optimized graph.
    /// </summary>
    public static Func<string, TypeInfo?> Run(Model model, SessionOptions options, KernelRegistry kernels, Dictionary<Node, IReadOnlyDictionary<string, long>> nodeOpsets,
        Func<string, TypeInfo?> types, Func<Func<string, TypeInfo?>> infer, long maxFoldedBytes, Dictionary<string, int>? applied = null)
    {
        GraphPass[] passes = [.. Passes.Where(p => p.Level <= options.OptimizationLevel)];
        if (passes.Length == 0)
            return types;
        IReadOnlyDictionary<string, long> modelOpsets = model.OpsetImports.ToDictionary(o => OperatorDomains.Normalize(o.Domain), o => o.Version);
        for (int round = 0; round < MaxRounds; round++)
        {
            bool changed = false;
            foreach (GraphPass pass in passes)
            {
                var view = new GraphView(model.Graph, types, nodeOpsets, modelOpsets) { Kernels = kernels, Options = options, MaxFoldedBytes = maxFoldedBytes };
                int count = GraphRewriter.Apply(model.Graph, pass.Find(view).ToList(), nodeOpsets, pass.Name);
                if (count == 0)
                    continue;
                if (applied is not null)
                    applied[pass.Name] = applied.GetValueOrDefault(pass.Name) + count;
                changed = true;
                modelOpsets = ImportOnyxDomain(model, modelOpsets);
                types = infer();
            }
            if (!changed)
                break;
        }
        return types;
    }

    /// <summary>
    /// Adds an import of <see cref="OperatorDomains.Onyx"/> version 1 to <paramref name="model"/> once a pass has written a
    /// node of that domain, so that inference and the planner resolve its schema; returns the model's opsets.
    /// </summary>
    private static IReadOnlyDictionary<string, long> ImportOnyxDomain(Model model, IReadOnlyDictionary<string, long> opsets)
    {
        if (opsets.ContainsKey(OperatorDomains.Onyx) || !model.Graph.Nodes.Any(n => n.Domain == OperatorDomains.Onyx))
            return opsets;
        model.OpsetImports.Add(new OpsetImport(OperatorDomains.Onyx, 1));
        return new Dictionary<string, long>(opsets) { [OperatorDomains.Onyx] = 1 };
    }
}
