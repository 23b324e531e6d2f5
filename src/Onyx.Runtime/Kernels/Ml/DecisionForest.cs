namespace Onyx.Runtime.Kernels.Ml;

/// <summary>The test of a branch node (Operators-ml.md, TreeEnsemble 'nodes_modes', codes 0 to 6).</summary>
internal enum BranchMode : byte { Leq, Lt, Gte, Gt, Eq, Neq, Member }

/// <summary>How the leaves the trees reach combine per target (TreeEnsemble 'aggregate_function', codes 0 to 3).</summary>
internal enum TreeAggregation { Average, Sum, Min, Max }

/// <summary>
/// A branch node: its test of feature <see cref="Feature"/> against <see cref="Split"/> (or membership in the sorted
/// <see cref="Members"/>), and its children, each a branch node's index or the complement (~index) of a leaf's.
/// </summary>
internal readonly record struct BranchNode(BranchMode Mode, int Feature, double Split, double[]? Members, bool MissingGoesTrue, int True, int False);

/// <summary>One (target, weight) pair a leaf adds to the scores.</summary>
internal readonly record struct LeafValue(int Target, double Weight);

/// <summary>
/// A validated ensemble of decision trees, shared by TreeEnsemble, TreeEnsembleClassifier and TreeEnsembleRegressor:
/// every child reference is in range and no tree reaches a node from itself, so evaluation always ends at a leaf.
/// A row takes the true branch when the test holds, or when the feature is NaN and the node's missing values track
/// true (the reference implementation's rule; a NaN fails every test but NEQ).
/// </summary>
internal sealed class DecisionForest
{
    private readonly BranchNode[] _nodes;
    private readonly int[] _roots;
    private readonly LeafValue[][] _leaves;

    private DecisionForest(BranchNode[] nodes, int[] roots, LeafValue[][] leaves, int features)
    {
        _nodes = nodes;
        _roots = roots;
        _leaves = leaves;
        Features = features;
    }

    /// <summary>The fewest features a row needs: one more than the largest feature index a reachable node tests.</summary>
    public int Features { get; }

    /// <summary>
    /// The forest of <paramref name="roots"/> (references as in <see cref="BranchNode"/>, already in range), whose
    /// nodes' children are in range; fails naming the node (<paramref name="describe"/> gives its name) that a tree
    /// reaches again from itself.
    /// </summary>
    public static DecisionForest Create(KernelNode node, BranchNode[] nodes, int[] roots, LeafValue[][] leaves, Func<int, string> describe)
    {
        // Depth-first search from every root: a node met again while it is still on the path closes a cycle.
        var state = new byte[nodes.Length];
        var path = new Stack<(int Node, bool Expanded)>();
        int features = 0;
        foreach (int root in roots)
        {
            if (root >= 0 && state[root] == 0)
                path.Push((root, false));
            while (path.Count > 0)
            {
                (int current, bool expanded) = path.Pop();
                if (expanded)
                {
                    state[current] = 2;
                    continue;
                }
                if (state[current] != 0)
                    continue;
                state[current] = 1;
                path.Push((current, true));
                BranchNode branch = nodes[current];
                features = System.Math.Max(features, branch.Feature + 1);
                foreach (int child in (ReadOnlySpan<int>)[branch.True, branch.False])
                {
                    if (child < 0)
                        continue;
                    if (state[child] == 1)
                        throw node.Fail($"{describe(child)} is reachable from itself (through {describe(current)}): a tree must not have a cycle");
                    if (state[child] == 0)
                        path.Push((child, false));
                }
            }
        }
        return new DecisionForest(nodes, roots, leaves, features);
    }

    /// <summary>Fails when <paramref name="rows"/> lack a feature a node tests.</summary>
    public void CheckFeatures(KernelContext context, PredictorRows rows)
    {
        if (rows.Features < Features)
            throw context.Fail($"a tree node tests feature {Features - 1}, but input 0 ('{Compute.MlTypedTensors.InputName(context, 0)}') has {rows.Features} features per row");
    }

    /// <summary>
    /// Combines the values of the leaves <paramref name="row"/> reaches into <paramref name="scores"/> (one per
    /// target, overwritten): their sum, the sum over the tree count, or the least or greatest value; a target no
    /// reached leaf names scores 0. <paramref name="reached"/> (one per target, overwritten) tells which targets a
    /// reached leaf names.
    /// </summary>
    public void Score(ReadOnlySpan<double> row, Span<double> scores, Span<bool> reached, TreeAggregation aggregation)
    {
        scores.Clear();
        reached.Clear();
        foreach (int root in _roots)
        {
            foreach (LeafValue value in _leaves[~Leaf(row, root)])
            {
                ref double score = ref scores[value.Target];
                score = aggregation switch
                {
                    TreeAggregation.Min when reached[value.Target] => System.Math.Min(score, value.Weight),
                    TreeAggregation.Max when reached[value.Target] => System.Math.Max(score, value.Weight),
                    TreeAggregation.Min or TreeAggregation.Max => value.Weight,
                    _ => score + value.Weight,
                };
                reached[value.Target] = true;
            }
        }
        if (aggregation == TreeAggregation.Average)
        {
            foreach (ref double score in scores)
                score /= _roots.Length;
        }
    }

    private int Leaf(ReadOnlySpan<double> row, int reference)
    {
        while (reference >= 0)
        {
            BranchNode branch = _nodes[reference];
            double x = row[branch.Feature];
            bool test = branch.Mode switch
            {
                BranchMode.Leq => x <= branch.Split,
                BranchMode.Lt => x < branch.Split,
                BranchMode.Gte => x >= branch.Split,
                BranchMode.Gt => x > branch.Split,
                BranchMode.Eq => x == branch.Split,
                BranchMode.Neq => x != branch.Split,
                _ => Array.BinarySearch(branch.Members!, x) >= 0 && !double.IsNaN(x),
            };
            reference = test || (branch.MissingGoesTrue && double.IsNaN(x)) ? branch.True : branch.False;
        }
        return reference;
    }
}
