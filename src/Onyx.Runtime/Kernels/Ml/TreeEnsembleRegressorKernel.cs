namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// TreeEnsembleRegressor 1 and 3 (Operators-ml.md): the forest of <see cref="TreeNodeLists"/> with target_* leaf
/// values, aggregated per target by aggregate_function (SUM, AVERAGE, MIN, MAX), then base_values added per target
/// and post_transform applied per row. Y is float [N, n_targets].
/// </summary>
internal static class TreeEnsembleRegressorKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "TreeEnsembleRegressor", 1, 4, Create)];

    private static Kernel Create(KernelNode node)
    {
        long targets = node.Attributes.Int("n_targets") ?? throw node.Fail("attribute 'n_targets' is required");
        if (targets is < 1 or > int.MaxValue)
            throw node.Fail($"attribute 'n_targets' is {targets}; expected at least 1");
        int width = (int)targets;
        DecisionForest forest = TreeNodeLists.Build(node, "target", "target_ids", width);
        double[] bases = ModelAttributes.FloatsOrTensor(node, "base_values");
        if (bases.Length is not 0 && bases.Length != width)
            throw node.Fail($"attribute 'base_values' has {bases.Length} values; expected none or one per target ({width})");
        TreeAggregation aggregation = node.Choice("aggregate_function", "SUM", ("SUM", TreeAggregation.Sum),
            ("AVERAGE", TreeAggregation.Average), ("MIN", TreeAggregation.Min), ("MAX", TreeAggregation.Max));
        ScoreTransform transform = PostTransform.Parse(node);
        return new DelegateKernel(context =>
        {
            PredictorRows rows = PredictorRows.Read(context);
            forest.CheckFeatures(context, rows);
            long[] dims = [rows.Count, width];
            Span<float> y = context.Output<float>(0, DataType.Float, dims);
            var scores = new double[width];
            var reached = new bool[width];
            for (long r = 0; r < rows.Count; r++)
            {
                forest.Score(rows.Row(r), scores, reached, aggregation);
                for (int t = 0; t < bases.Length; t++)
                    scores[t] += bases[t];
                PostTransform.Apply(transform, scores);
                for (int t = 0; t < width; t++)
                    y[(int)r * width + t] = (float)scores[t];
            }
        });
    }
}
