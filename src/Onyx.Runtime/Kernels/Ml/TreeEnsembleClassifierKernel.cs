namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// TreeEnsembleClassifier 1 and 3 (Operators-ml.md): the forest of <see cref="TreeNodeLists"/> with class_* leaf
/// values summed per class onto base_values and post_transform applied per row. With more than two classes the
/// label is that of <see cref="TopScored"/>; otherwise that of the first highest transformed score. As in the ONNX
/// reference implementation, a forest whose leaves all name one class, with two labels (or the
/// single int64 label 1, read as labels 0 and 1), is binary: that class's score expands by
/// <see cref="PostTransform.ExpandBinary"/>. Y is the labels [N]
/// (strings or int64), Z float [N, classes].
/// </summary>
internal static class TreeEnsembleClassifierKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "TreeEnsembleClassifier", 1, 4, Create)];

    private static Kernel Create(KernelNode node)
    {
        ClassLabels classLabels = ClassLabels.Read(node, "classlabels_strings", "classlabels_int64s", required: true)!;
        int labels = classLabels.Count;
        if (labels == 1 && (classLabels.AreStrings || node.Attributes.Ints("classlabels_int64s")![0] != 1))
            throw node.Fail("a single class label must be the int64 label 1 (binary labels 0 and 1), as in the reference implementation");
        DecisionForest forest = TreeNodeLists.Build(node, "class", "class_ids", labels);
        double[] bases = ModelAttributes.FloatsOrTensor(node, "base_values");
        if (bases.Length is not 0 && bases.Length != labels)
            throw node.Fail($"attribute 'base_values' has {bases.Length} values; expected none or one per class ({labels})");
        long[] classIds = [.. (node.Attributes.Ints("class_ids") ?? []).Distinct()];
        bool binary = classIds.Length == 1 && labels <= 2;
        int binaryClass = binary ? (int)classIds[0] : 0;
        ClassLabels outputLabels = labels == 1 ? classLabels.WithInts([0, 1]) : classLabels;
        ScoreTransform transform = PostTransform.Parse(node);
        int width = binary ? 2 : labels;
        return new DelegateKernel(context =>
        {
            PredictorRows rows = PredictorRows.Read(context);
            forest.CheckFeatures(context, rows);
            Span<float> z = context.Output<float>(1, DataType.Float, [rows.Count, width]);
            var winners = new int[rows.Count];
            var sums = new double[labels];
            var scored = new bool[labels];
            var scores = new double[width];
            for (long r = 0; r < rows.Count; r++)
            {
                forest.Score(rows.Row(r), sums, scored, TreeAggregation.Sum);
                for (int c = 0; c < bases.Length; c++)
                    sums[c] += bases[c];
                if (binary)
                    PostTransform.ExpandBinary(transform, sums[binaryClass], scores);
                else
                    sums.CopyTo(scores, 0);
                int top = labels > 2 ? TopScored(sums, scored, bases.Length > 0) : 0;
                PostTransform.Apply(transform, scores);
                winners[r] = labels > 2 ? top : ClassLabels.ArgMax(scores);
                for (int c = 0; c < width; c++)
                    z[(int)r * width + c] = (float)scores[c];
            }
            outputLabels.Write(context, winners);
        });
    }

    /// <summary>
    /// The first class of highest score among those a reached leaf names (all of them with base values), before
    /// post_transform, as ONNX Runtime picks for more than two classes; class 0 when none is.
    /// </summary>
    private static int TopScored(double[] sums, bool[] scored, bool bases)
    {
        int best = -1;
        for (int c = 0; c < sums.Length; c++)
        {
            if ((bases || scored[c]) && (best < 0 || sums[c] > sums[best]))
                best = c;
        }
        return System.Math.Max(best, 0);
    }
}
