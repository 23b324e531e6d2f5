using Onyx.Runtime;
using static Onyx.Tests.Runtime.MlKernels.MlNodeModel;
using static Onyx.Tests.Runtime.MlKernels.MlPredictorModel;

namespace Onyx.Tests.Runtime.MlKernels;

/// <summary>TreeEnsembleClassifier and TreeEnsembleRegressor (versions 1 and 3).</summary>
public sealed class TreeEnsembleClassifierKernelTests
{
    /// <summary>Tree 0: node 0 tests x &lt;= 0.5, true to LEAF node 1, false to LEAF node 2.</summary>
    private static Attribute[] Stump(string prefix) =>
    [
        Ints("nodes_treeids", 0, 0, 0), Ints("nodes_nodeids", 0, 1, 2), Ints("nodes_featureids", 0, 0, 0),
        Strings("nodes_modes", "BRANCH_LEQ", "LEAF", "LEAF"), Floats("nodes_values", 0.5f, 0, 0),
        Ints("nodes_truenodeids", 1, 0, 0), Ints("nodes_falsenodeids", 2, 0, 0),
        Ints($"{prefix}_treeids", 0, 0, 0), Ints($"{prefix}_nodeids", 1, 1, 2),
    ];

    private static Attribute[] ThreeClasses(params Attribute[] more) =>
        [.. Stump("class"), Ints("class_ids", 0, 1, 2), Floats("class_weights", 0.7f, 0.3f, 1), .. more];

    private static Attribute[] Binary(params Attribute[] more) =>
        [.. Stump("class").Where(a => a.Name != "class_nodeids" && a.Name != "class_treeids"),
            Ints("class_treeids", 0, 0), Ints("class_nodeids", 1, 2), Ints("class_ids", 0, 0), Floats("class_weights", 0.2f, 0.9f), .. more];

    private static OnnxValue[] Classify(int version, float[] x, params Attribute[] attributes) =>
        MlPredictorModel.Run("TreeEnsembleClassifier", version, 2, Rows(x, x.Length), attributes);

    [Fact]
    public void Tree_ensemble_classifier_sums_class_weights_onto_base_values_and_picks_string_labels()
    {
        OnnxValue[] result = Classify(1, [0, 1], ThreeClasses(Strings("classlabels_strings", "a", "b", "c"), Floats("base_values", 0.1f, 0.2f, 0)));

        Assert.Equal(["a", "c"], result[0].Tensor.ToStrings());
        AssertClose([0.8, 0.5, 0, 0.1, 0.2, 1], result[1].ToArray<float>());
    }

    [Fact]
    public void Tree_ensemble_classifier_softmax_scores_pick_int64_labels()
    {
        OnnxValue[] result = Classify(3, [0], ThreeClasses(Ints("classlabels_int64s", 10, 20, 30), Attribute.Create("post_transform", "SOFTMAX")));
        double sum = System.Math.Exp(0.7) + System.Math.Exp(0.3) + 1;

        Assert.Equal([10L], result[0].ToArray<long>());
        AssertClose([System.Math.Exp(0.7) / sum, System.Math.Exp(0.3) / sum, 1 / sum], result[1].ToArray<float>());
    }

    /// <summary>
    /// Leaf 1 (x &lt;= 0.5) gives class 1 weight -0.3, leaf 2 class 2 weight -1: without base values the label is the
    /// highest of the classes a reached leaf names, though unnamed class 0 scores 0; base values name every class.
    /// </summary>
    [Fact]
    public void Tree_ensemble_classifier_with_three_classes_picks_among_the_scored_classes()
    {
        Attribute[] negative = [.. Stump("class").Where(a => a.Name is not ("class_nodeids" or "class_treeids")),
            Ints("class_treeids", 0, 0), Ints("class_nodeids", 1, 2), Ints("class_ids", 1, 2), Floats("class_weights", -0.3f, -1),
            Strings("classlabels_strings", "a", "b", "c")];

        OnnxValue[] result = Classify(3, [0, 1], negative);
        OnnxValue[] based = Classify(3, [0, 1], [.. negative, Floats("base_values", 0, 0, 0)]);

        Assert.Equal(["b", "c"], result[0].Tensor.ToStrings());
        AssertClose([0, -0.3, 0, 0, 0, -1], result[1].ToArray<float>());
        Assert.Equal(["a", "a"], based[0].Tensor.ToStrings());
    }

    [Fact]
    public void Tree_ensemble_classifier_with_one_class_id_and_two_labels_scores_one_minus_v_and_v()
    {
        OnnxValue[] result = Classify(1, [0, 1], Binary(Ints("classlabels_int64s", 4, 5)));

        Assert.Equal([4L, 5], result[0].ToArray<long>());
        AssertClose([0.8, 0.2, 0.1, 0.9], result[1].ToArray<float>());
    }

    [Fact]
    public void Tree_ensemble_classifier_binary_logistic_scores_minus_v_and_v()
    {
        OnnxValue[] result = Classify(1, [0], Binary(Strings("classlabels_strings", "no", "yes"), Attribute.Create("post_transform", "LOGISTIC")));

        Assert.Equal(["yes"], result[0].Tensor.ToStrings());
        AssertClose([1 / (1 + System.Math.Exp(0.2)), 1 / (1 + System.Math.Exp(-0.2))], result[1].ToArray<float>());
    }

    [Fact]
    public void Tree_ensemble_classifier_with_the_single_label_1_gives_labels_0_and_1()
    {
        OnnxValue[] result = Classify(1, [0, 1], Binary(Ints("classlabels_int64s", 1)));

        Assert.Equal([0L, 1], result[0].ToArray<long>());
        AssertClose([0.8, 0.2, 0.1, 0.9], result[1].ToArray<float>());
    }

    [Fact]
    public void Tree_ensemble_classifier_3_reads_the_tensor_forms_of_the_values()
    {
        Attribute[] attributes = [.. ThreeClasses(Ints("classlabels_int64s", 1, 2, 3)).Where(a => a.Name is not ("nodes_values" or "class_weights")),
            Attribute.Create("nodes_values_as_tensor", Tensor.FromArray([0.5, 0, 0], 3)),
            Attribute.Create("class_weights_as_tensor", Tensor.FromArray([0.1, 0.2, 0.3], 3))];

        OnnxValue[] result = Classify(3, [0, 1], attributes);

        Assert.Equal([2L, 3], result[0].ToArray<long>());
        AssertClose([0.1, 0.2, 0, 0, 0, 0.3], result[1].ToArray<float>());
    }

    [Fact]
    public void Tree_ensemble_classifier_rejects_malformed_trees_when_prepared()
    {
        Attribute[] labels = [Ints("classlabels_int64s", 0, 1, 2)];
        Attribute[] Replace(string name, Attribute replacement) => [.. ThreeClasses(labels).Where(a => a.Name != name), replacement];

        Attribute[] cycle = [.. ThreeClasses(labels).Where(a => a.Name is not ("nodes_modes" or "nodes_truenodeids" or "nodes_falsenodeids" or "class_nodeids")),
            Strings("nodes_modes", "BRANCH_LEQ", "BRANCH_LEQ", "LEAF"), Ints("nodes_truenodeids", 1, 0, 0), Ints("nodes_falsenodeids", 2, 2, 0),
            Ints("class_nodeids", 2, 2, 2)];
        AssertFails(() => Classify(1, [0], cycle), "node 0 of tree 0 is reachable from itself", "cycle");
        AssertFails(() => Classify(1, [0], Replace("nodes_falsenodeids", Ints("nodes_falsenodeids", 9, 0, 0))),
            "nodes_falsenodeids[0] is 9", "tree 0 does not have");
        AssertFails(() => Classify(1, [0], Replace("nodes_featureids", Ints("nodes_featureids", 0, 0))),
            "'nodes_featureids' has 2 values", "'nodes_treeids' (3)");
        AssertFails(() => Classify(1, [0], Replace("nodes_modes", Strings("nodes_modes", "BRANCH_ABOUT", "LEAF", "LEAF"))), "'BRANCH_ABOUT'");
        AssertFails(() => Classify(1, [0], Replace("class_ids", Ints("class_ids", 0, 1, 3))), "class_ids[2] is 3", "[0, 3)");
        AssertFails(() => Classify(1, [0], Replace("class_nodeids", Ints("class_nodeids", 1, 1, 0))), "not a LEAF");
        AssertFails(() => Classify(1, [0], ThreeClasses()), "'classlabels_strings' and 'classlabels_int64s'");
    }

    private static float[] Regress(float[] x, string aggregate, params Attribute[] more) =>
        MlPredictorModel.Run("TreeEnsembleRegressor", 1, 1, Rows(x, x.Length),
        [
            .. Stump("target").Where(a => a.Name != "target_nodeids"),
            Ints("target_nodeids", 1, 2, 2), Ints("target_ids", 0, 0, 1), Floats("target_weights", 2, 4, 6),
            Attribute.Create("n_targets", 2L), Attribute.Create("aggregate_function", aggregate), .. more,
        ])[0].ToArray<float>();

    [Fact]
    public void Tree_ensemble_regressor_aggregates_per_target_then_adds_base_values()
    {
        Assert.Equal([2f, 0, 4, 6], Regress([0, 1], "SUM"));
        Assert.Equal([3f, 0.5f, 5, 6.5f], Regress([0, 1], "AVERAGE", Floats("base_values", 1, 0.5f)));
        Assert.Equal([2f, 0, 4, 6], Regress([0, 1], "MAX"));
        AssertClose([1 / (1 + System.Math.Exp(-2)), 0.5], Regress([0], "MIN", Attribute.Create("post_transform", "LOGISTIC")));
    }

    [Fact]
    public void Tree_ensemble_regressor_rejects_bad_aggregates_and_targets()
    {
        AssertFails(() => Regress([0], "MEDIAN"), "'aggregate_function' is 'MEDIAN'");
        AssertFails(() => Regress([0], "SUM", Floats("base_values", 1, 2, 3)), "'base_values' has 3 values");
    }
}
