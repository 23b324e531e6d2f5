namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// The decision forest of TreeEnsembleClassifier and TreeEnsembleRegressor (versions 1 and 3): nodes named by
/// (nodes_treeids, nodes_nodeids), a mode of BRANCH_LEQ, BRANCH_LT, BRANCH_GTE, BRANCH_GT, BRANCH_EQ, BRANCH_NEQ or
/// LEAF, children named by node id within the tree; each tree's root is its first node in the lists, trees in
/// ascending id. The leaf lists <c>{prefix}_treeids</c>, <c>{prefix}_nodeids</c>, the target ids and
/// <c>{prefix}_weights</c> (or its _as_tensor form) attach (target, weight) pairs to LEAF nodes.
/// </summary>
internal static class TreeNodeLists
{
    private static readonly string[] ModeNames = ["BRANCH_LEQ", "BRANCH_LT", "BRANCH_GTE", "BRANCH_GT", "BRANCH_EQ", "BRANCH_NEQ"];

    public static DecisionForest Build(KernelNode node, string prefix, string targetIdsName, int targets)
    {
        long[] treeIds = ModelAttributes.Ints(node, "nodes_treeids");
        int count = treeIds.Length;
        if (count == 0)
            throw node.Fail("attribute 'nodes_treeids' must name at least one node");
        long[] nodeIds = ModelAttributes.Ints(node, "nodes_nodeids");
        long[] features = ModelAttributes.Ints(node, "nodes_featureids");
        string[] modes = [.. node.Attributes.Strings("nodes_modes") ?? throw node.Fail("attribute 'nodes_modes' is required")];
        long[] trueIds = ModelAttributes.Ints(node, "nodes_truenodeids");
        long[] falseIds = ModelAttributes.Ints(node, "nodes_falsenodeids");
        double[] splits = ModelAttributes.FloatsOrTensor(node, "nodes_values");
        long[] missing = [.. node.Attributes.Ints("nodes_missing_value_tracks_true") ?? new long[count]];
        ModelAttributes.SameLength(node, "nodes_treeids", count, ("nodes_nodeids", nodeIds.Length), ("nodes_featureids", features.Length),
            ("nodes_modes", modes.Length), ("nodes_truenodeids", trueIds.Length), ("nodes_falsenodeids", falseIds.Length),
            ("nodes_missing_value_tracks_true", missing.Length));
        if (splits.Length != count && modes.Any(m => m != "LEAF"))
            throw node.Fail($"attribute 'nodes_values' has {splits.Length} values; expected as many as 'nodes_treeids' ({count})");

        // A node's reference: its branch index, or the complement of its leaf index.
        var positions = new Dictionary<(long Tree, long Node), int>();
        var references = new int[count];
        int branches = 0, leaves = 0;
        for (int i = 0; i < count; i++)
        {
            if (!positions.TryAdd((treeIds[i], nodeIds[i]), i))
                throw node.Fail($"node {nodeIds[i]} of tree {treeIds[i]} appears twice (at {positions[(treeIds[i], nodeIds[i])]} and {i} in 'nodes_nodeids')");
            references[i] = modes[i] == "LEAF" ? ~leaves++ : branches++;
        }

        int Reference(int from, long id, string attribute) =>
            positions.TryGetValue((treeIds[from], id), out int target)
                ? references[target]
                : throw node.Fail($"{attribute}[{from}] is {id}, which tree {treeIds[from]} does not have");

        var nodes = new BranchNode[branches];
        var names = new string[branches];
        for (int i = 0; i < count; i++)
        {
            if (references[i] < 0)
                continue;
            int mode = Array.IndexOf(ModeNames, modes[i]);
            if (mode < 0)
                throw node.Fail($"nodes_modes[{i}] is '{modes[i]}'; expected LEAF or one of {string.Join(", ", ModeNames)}");
            if (features[i] is < 0 or >= int.MaxValue)
                throw node.Fail($"nodes_featureids[{i}] is {features[i]}; expected a feature index of at least 0");
            nodes[references[i]] = new BranchNode((BranchMode)mode, (int)features[i], splits[i], null, missing[i] != 0,
                Reference(i, trueIds[i], "nodes_truenodeids"), Reference(i, falseIds[i], "nodes_falsenodeids"));
            names[references[i]] = $"node {nodeIds[i]} of tree {treeIds[i]}";
        }

        int[] roots = [.. treeIds.Distinct().Order().Select(tree => references[Array.IndexOf(treeIds, tree)])];
        LeafValue[][] values = LeafValues(node, prefix, targetIdsName, targets, positions, references, leaves);
        return DecisionForest.Create(node, nodes, roots, values, i => names[i]);
    }

    private static LeafValue[][] LeafValues(KernelNode node, string prefix, string targetIdsName, int targets,
        Dictionary<(long Tree, long Node), int> positions, int[] references, int leaves)
    {
        long[] treeIds = ModelAttributes.Ints(node, $"{prefix}_treeids");
        long[] nodeIds = ModelAttributes.Ints(node, $"{prefix}_nodeids");
        long[] targetIds = ModelAttributes.Ints(node, targetIdsName);
        double[] weights = ModelAttributes.FloatsOrTensor(node, $"{prefix}_weights");
        ModelAttributes.SameLength(node, $"{prefix}_treeids", treeIds.Length, ($"{prefix}_nodeids", nodeIds.Length),
            (targetIdsName, targetIds.Length), ($"{prefix}_weights", weights.Length));
        var values = new List<LeafValue>[leaves];
        for (int j = 0; j < leaves; j++)
            values[j] = [];
        for (int k = 0; k < treeIds.Length; k++)
        {
            if (!positions.TryGetValue((treeIds[k], nodeIds[k]), out int position))
                throw node.Fail($"{prefix}_nodeids[{k}] is {nodeIds[k]}, which tree {treeIds[k]} does not have");
            if (references[position] >= 0)
                throw node.Fail($"{prefix}_nodeids[{k}] names node {nodeIds[k]} of tree {treeIds[k]}, which is not a LEAF");
            if (targetIds[k] < 0 || targetIds[k] >= targets)
                throw node.Fail($"{targetIdsName}[{k}] is {targetIds[k]}; expected a value in [0, {targets})");
            values[~references[position]].Add(new LeafValue((int)targetIds[k], weights[k]));
        }
        return [.. values.Select(v => v.ToArray())];
    }
}
