using System.Runtime.InteropServices;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// TreeEnsemble 5 (Operators-ml.md): node i tests feature nodes_featureids[i] by nodes_modes[i] (0 LEQ, 1 LT, 2 GTE,
/// 3 GT, 4 EQ, 5 NEQ, 6 MEMBER of its NaN-delimited set of membership_values, sets in node order) against
/// nodes_splits[i]; each branch names a node, or a leaf where nodes_trueleafs / nodes_falseleafs is set. Leaf j adds
/// leaf_weights[j] to target leaf_targetids[j]; the trees' values aggregate per target, then post_transform applies
/// per row. Y is [N, n_targets] of X's type.
/// </summary>
internal static class TreeEnsembleKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "TreeEnsemble", 5, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        NodeAttributes attributes = node.Attributes;
        long[] features = ModelAttributes.Ints(node, "nodes_featureids");
        int count = features.Length;
        double[] splits = ModelAttributes.TensorReals(node, "nodes_splits");
        long[] modes = ModelAttributes.Modes(node);
        long[] trueIds = ModelAttributes.Ints(node, "nodes_truenodeids");
        long[] falseIds = ModelAttributes.Ints(node, "nodes_falsenodeids");
        long[] trueLeafs = ModelAttributes.Ints(node, "nodes_trueleafs");
        long[] falseLeafs = ModelAttributes.Ints(node, "nodes_falseleafs");
        long[] missing = [.. attributes.Ints("nodes_missing_value_tracks_true") ?? new long[count]];
        ModelAttributes.SameLength(node, "nodes_featureids", count, ("nodes_splits", splits.Length), ("nodes_modes", modes.Length), ("nodes_truenodeids", trueIds.Length),
            ("nodes_falsenodeids", falseIds.Length), ("nodes_trueleafs", trueLeafs.Length), ("nodes_falseleafs", falseLeafs.Length),
            ("nodes_missing_value_tracks_true", missing.Length));

        long[] targetIds = ModelAttributes.Ints(node, "leaf_targetids");
        double[] weights = ModelAttributes.TensorReals(node, "leaf_weights");
        ModelAttributes.SameLength(node, "leaf_targetids", targetIds.Length, ("leaf_weights", weights.Length));
        long targets = attributes.Int("n_targets") ?? throw node.Fail("attribute 'n_targets' is required");
        if (targets is < 1 or > int.MaxValue)
            throw node.Fail($"attribute 'n_targets' is {targets}; expected at least 1");
        var leaves = new LeafValue[targetIds.Length][];
        for (int j = 0; j < leaves.Length; j++)
        {
            if (targetIds[j] < 0 || targetIds[j] >= targets)
                throw node.Fail($"leaf_targetids[{j}] is {targetIds[j]}; expected a target in [0, {targets}) (n_targets)");
            leaves[j] = [new LeafValue((int)targetIds[j], weights[j])];
        }

        Queue<double[]> sets = MemberSets(node, modes.Count(m => m == (long)BranchMode.Member));
        var nodes = new BranchNode[count];
        for (int i = 0; i < count; i++)
        {
            if (modes[i] is < 0 or > (long)BranchMode.Member)
                throw node.Fail($"nodes_modes[{i}] is {modes[i]}; expected 0 (BRANCH_LEQ) to 6 (BRANCH_MEMBER)");
            if (features[i] is < 0 or >= int.MaxValue)
                throw node.Fail($"nodes_featureids[{i}] is {features[i]}; expected a feature index of at least 0");
            var mode = (BranchMode)modes[i];
            nodes[i] = new BranchNode(mode, (int)features[i], splits[i], mode == BranchMode.Member ? sets.Dequeue() : null, missing[i] != 0,
                Child(node, "true", i, trueIds[i], trueLeafs[i], count, leaves.Length),
                Child(node, "false", i, falseIds[i], falseLeafs[i], count, leaves.Length));
        }

        long[] rootIds = ModelAttributes.Ints(node, "tree_roots");
        if (rootIds.Length == 0)
            throw node.Fail("attribute 'tree_roots' must name at least one tree");
        int[] roots = [.. rootIds.Select((root, k) => root >= 0 && root < count
            ? (int)root
            : throw node.Fail($"tree_roots[{k}] is {root}; expected a node index in [0, {count})"))];
        DecisionForest forest = DecisionForest.Create(node, nodes, roots, leaves, i => $"node {i}");
        TreeAggregation aggregation = Aggregation(node);
        ScoreTransform transform = PostTransform.FromCode(node);
        int width = (int)targets;
        return new DelegateKernel(context =>
        {
            PredictorRows rows = PredictorRows.Read(context);
            forest.CheckFeatures(context, rows);
            DataType type = context.Tensor(0).DataType;
            Span<byte> y = context.AllocateOutput(0, type, [rows.Count, width]);
            var scores = new double[width];
            var reached = new bool[width];
            for (long r = 0; r < rows.Count; r++)
            {
                forest.Score(rows.Row(r), scores, reached, aggregation);
                PostTransform.Apply(transform, scores);
                Write(type, y, (int)r * width, scores);
            }
        });
    }

    /// <summary>Writes <paramref name="scores"/> at element <paramref name="start"/> of <paramref name="y"/>, in X's type.</summary>
    private static void Write(DataType type, Span<byte> y, int start, double[] scores)
    {
        for (int i = 0; i < scores.Length; i++)
        {
            switch (type)
            {
                case DataType.Double: MemoryMarshal.Cast<byte, double>(y)[start + i] = scores[i]; break;
                case DataType.Float16: MemoryMarshal.Cast<byte, Half>(y)[start + i] = (Half)scores[i]; break;
                default: MemoryMarshal.Cast<byte, float>(y)[start + i] = (float)scores[i]; break;
            }
        }
    }

    private static int Child(KernelNode node, string branch, int index, long id, long isLeaf, int nodes, int leaves)
    {
        if (isLeaf != 0)
        {
            return id >= 0 && id < leaves
                ? ~(int)id
                : throw node.Fail($"nodes_{branch}nodeids[{index}] is {id}, a leaf (nodes_{branch}leafs[{index}] is set); expected a leaf index in [0, {leaves})");
        }
        return id >= 0 && id < nodes
            ? (int)id
            : throw node.Fail($"nodes_{branch}nodeids[{index}] is {id}; expected a node index in [0, {nodes})");
    }

    /// <summary>The sorted set of each BRANCH_MEMBER node, in node order: membership_values split at its NaNs.</summary>
    private static Queue<double[]> MemberSets(KernelNode node, int members)
    {
        var sets = new Queue<double[]>();
        if (node.Attributes.IsSet("membership_values"))
        {
            var set = new List<double>();
            foreach (double value in ModelAttributes.TensorReals(node, "membership_values"))
            {
                if (!double.IsNaN(value))
                {
                    set.Add(value);
                    continue;
                }
                sets.Enqueue([.. set.Order()]);
                set.Clear();
            }
            if (set.Count > 0)
                sets.Enqueue([.. set.Order()]);
        }
        return sets.Count == members
            ? sets
            : throw node.Fail($"attribute 'membership_values' holds {sets.Count} NaN-delimited sets; expected one per BRANCH_MEMBER node ({members})");
    }

    private static TreeAggregation Aggregation(KernelNode node)
    {
        long code = node.Attributes.Int("aggregate_function", 1);
        return code is >= 0 and <= 3
            ? (TreeAggregation)code
            : throw node.Fail($"attribute 'aggregate_function' is {code}; expected 0 (AVERAGE), 1 (SUM), 2 (MIN) or 3 (MAX)");
    }
}
