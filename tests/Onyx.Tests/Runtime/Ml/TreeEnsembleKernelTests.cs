using Onyx.Runtime;
using static Onyx.Tests.Runtime.MlKernels.MlNodeModel;
using static Onyx.Tests.Runtime.MlKernels.MlPredictorModel;

namespace Onyx.Tests.Runtime.MlKernels;

/// <summary>TreeEnsemble (ai.onnx.ml 5): node modes, missing values, aggregation, post transforms, element types and malformed trees.</summary>
public sealed class TreeEnsembleKernelTests
{
    /// <summary>One tree of one node testing feature 0 against 2: leaf 0 (weight 1) when true, leaf 1 (weight 0) when false.</summary>
    private static Attribute[] OneNode(byte mode, bool missingTracksTrue = false) =>
    [
        Ints("nodes_featureids", 0),
        Attribute.Create("nodes_modes", Tensor.FromArray([mode], 1)),
        Attribute.Create("nodes_splits", Tensor.FromArray([2f], 1)),
        Ints("nodes_truenodeids", 0), Ints("nodes_trueleafs", 1),
        Ints("nodes_falsenodeids", 1), Ints("nodes_falseleafs", 1),
        Ints("nodes_missing_value_tracks_true", missingTracksTrue ? 1 : 0),
        Ints("leaf_targetids", 0, 0),
        Attribute.Create("leaf_weights", Tensor.FromArray([1f, 0], 2)),
        Ints("tree_roots", 0),
        Attribute.Create("n_targets", 1L),
    ];

    private static float[] Ensemble(float[] x, params Attribute[] attributes) =>
        MlPredictorModel.Run("TreeEnsemble", 5, 1, Rows(x, x.Length), attributes)[0].ToArray<float>();

    [Theory]
    [InlineData(0, new float[] { 1, 1, 0, 0 })]
    [InlineData(1, new float[] { 1, 0, 0, 0 })]
    [InlineData(2, new float[] { 0, 1, 1, 0 })]
    [InlineData(3, new float[] { 0, 0, 1, 0 })]
    [InlineData(4, new float[] { 0, 1, 0, 0 })]
    [InlineData(5, new float[] { 1, 0, 1, 1 })]
    public void Tree_ensemble_branch_modes_compare_the_feature_with_the_split(byte mode, float[] expected)
    {
        Assert.Equal(expected, Ensemble([1, 2, 3, float.NaN], OneNode(mode)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    public void Tree_ensemble_sends_nan_to_the_true_branch_when_missing_values_track_true(byte mode)
    {
        Assert.Equal(1f, Ensemble([float.NaN], OneNode(mode, missingTracksTrue: true))[0]);
    }

    [Fact]
    public void Tree_ensemble_member_mode_tests_the_nodes_set_of_membership_values()
    {
        Attribute[] member = [.. OneNode(6).Where(a => a.Name != "nodes_splits"),
            Attribute.Create("nodes_splits", Tensor.FromArray([float.NaN], 1)),
            Attribute.Create("membership_values", Tensor.FromArray([3f, 1, float.NaN], 3))];

        Assert.Equal([1f, 0, 1, 0], Ensemble([1, 2, 3, float.NaN], member));
    }

    /// <summary>
    /// Two one-node trees testing x &lt;= 0: tree 0 gives target 0 weight 1 (true) or 3 (false); tree 1 gives target 0
    /// weight 5 (true) or target 1 weight 7 (false).
    /// </summary>
    private static Attribute[] TwoTrees(long aggregate, long postTransform) =>
    [
        Ints("nodes_featureids", 0, 0),
        Attribute.Create("nodes_modes", Tensor.FromArray(new byte[] { 0, 0 }, 2)),
        Attribute.Create("nodes_splits", Tensor.FromArray([0f, 0], 2)),
        Ints("nodes_truenodeids", 0, 2), Ints("nodes_trueleafs", 1, 1),
        Ints("nodes_falsenodeids", 1, 3), Ints("nodes_falseleafs", 1, 1),
        Ints("leaf_targetids", 0, 0, 0, 1),
        Attribute.Create("leaf_weights", Tensor.FromArray([1f, 3, 5, 7], 4)),
        Ints("tree_roots", 0, 1),
        Attribute.Create("n_targets", 2L),
        Attribute.Create("aggregate_function", aggregate),
        Attribute.Create("post_transform", postTransform),
    ];

    [Theory]
    [InlineData(1, new float[] { 3, 7, 6, 0 })]
    [InlineData(0, new float[] { 1.5f, 3.5f, 3, 0 })]
    [InlineData(2, new float[] { 3, 7, 1, 0 })]
    [InlineData(3, new float[] { 3, 7, 5, 0 })]
    public void Tree_ensemble_aggregates_the_reached_leaves_per_target(long aggregate, float[] expected)
    {
        Assert.Equal(expected, Ensemble([1, -1], TwoTrees(aggregate, 0)));
    }

    [Fact]
    public void Tree_ensemble_post_transforms_each_row_of_scores()
    {
        double e6 = System.Math.Exp(6);

        AssertClose([e6 / (e6 + 1), 1 / (e6 + 1)], Ensemble([-1], TwoTrees(1, 1)));
        AssertClose([1 / (1 + System.Math.Exp(-6)), 0.5], Ensemble([-1], TwoTrees(1, 2)));
        AssertClose([1, 0], Ensemble([-1], TwoTrees(1, 3)));
    }

    [Fact]
    public void Probit_is_the_normal_quantile_by_the_reference_approximation()
    {
        Assert.Equal(0, Onyx.Runtime.Kernels.Ml.PostTransform.Probit(0.5), 9);
        Assert.Equal(1, Onyx.Runtime.Kernels.Ml.PostTransform.Probit(0.8413447), 2);
        Assert.Equal(-1.6448536, Onyx.Runtime.Kernels.Ml.PostTransform.Probit(0.05), 2);
        Assert.Equal(double.NegativeInfinity, Onyx.Runtime.Kernels.Ml.PostTransform.Probit(0));
        Assert.Equal(double.PositiveInfinity, Onyx.Runtime.Kernels.Ml.PostTransform.Probit(1));
    }

    [Fact]
    public void Tree_ensemble_keeps_double_and_float16_inputs_in_their_type()
    {
        OnnxValue doubles = MlPredictorModel.Run("TreeEnsemble", 5, 1, Rows([1.0, -1], 2), TwoTrees(1, 0))[0];
        OnnxValue halves = MlPredictorModel.Run("TreeEnsemble", 5, 1, Rows([(Half)1, (Half)(-1)], 2), TwoTrees(1, 0))[0];

        Assert.Equal([3.0, 7, 6, 0], doubles.ToArray<double>());
        Assert.Equal([(Half)3, (Half)7, (Half)6, (Half)0], halves.ToArray<Half>());
    }

    [Fact]
    public void Tree_ensemble_rejects_a_tree_with_a_cycle()
    {
        Attribute[] cycle =
        [
            Ints("nodes_featureids", 0, 0),
            Attribute.Create("nodes_modes", Tensor.FromArray(new byte[] { 0, 0 }, 2)),
            Attribute.Create("nodes_splits", Tensor.FromArray([0f, 0], 2)),
            Ints("nodes_truenodeids", 1, 0), Ints("nodes_trueleafs", 0, 0),
            Ints("nodes_falsenodeids", 0, 0), Ints("nodes_falseleafs", 1, 1),
            Ints("leaf_targetids", 0), Attribute.Create("leaf_weights", Tensor.FromArray([1f], 1)),
            Ints("tree_roots", 0), Attribute.Create("n_targets", 1L),
        ];

        AssertFails(() => Ensemble([1], cycle), "node 0 is reachable from itself", "cycle");
    }

    [Fact]
    public void Tree_ensemble_rejects_malformed_attributes_when_prepared()
    {
        Attribute[] With(string name, Attribute replacement) => [.. OneNode(0).Where(a => a.Name != name), replacement];

        AssertFails(() => Ensemble([1], With("nodes_falsenodeids", Ints("nodes_falsenodeids", 5))), "nodes_falsenodeids[0] is 5", "leaf index in [0, 2)");
        AssertFails(() => Ensemble([1], With("nodes_trueleafs", Ints("nodes_trueleafs", 1, 1))), "'nodes_trueleafs' has 2 values", "'nodes_featureids' (1)");
        AssertFails(() => Ensemble([1], With("nodes_modes", Attribute.Create("nodes_modes", Tensor.FromArray(new byte[] { 9 }, 1)))), "nodes_modes[0] is 9");
        AssertFails(() => Ensemble([1], With("leaf_targetids", Ints("leaf_targetids", 0, 1))), "leaf_targetids[1] is 1", "[0, 1)");
        AssertFails(() => Ensemble([1], With("tree_roots", Ints("tree_roots", 3))), "tree_roots[0] is 3");
        AssertFails(() => Ensemble([1], With("aggregate_function", Attribute.Create("aggregate_function", 7L))), "'aggregate_function' is 7");
        AssertFails(() => Ensemble([1], [.. OneNode(6)]), "'membership_values' holds 0", "BRANCH_MEMBER node (1)");
        AssertFails(() => Ensemble([1], With("n_targets", Attribute.Create("n_targets", (long)int.MaxValue))), "more than one array can hold");
    }

    [Fact]
    public void Tree_ensemble_rejects_rows_without_a_tested_feature()
    {
        Attribute[] feature3 = [.. OneNode(0).Where(a => a.Name != "nodes_featureids"), Ints("nodes_featureids", 3)];

        AssertFails(() => MlPredictorModel.Run("TreeEnsemble", 5, 1, Rows([1f, 2], 1), feature3), "tests feature 3", "2 features per row");
    }
}
