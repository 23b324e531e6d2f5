using Onyx.Runtime;
using static Onyx.Tests.Runtime.MlKernels.MlNodeModel;
using static Onyx.Tests.Runtime.MlKernels.MlPredictorModel;

namespace Onyx.Tests.Runtime.MlKernels;

/// <summary>SVMRegressor and SVMClassifier.</summary>
public sealed class SvmKernelTests
{
    private static float[] Regress(float[] x, long features, params Attribute[] attributes) =>
        MlPredictorModel.Run("SVMRegressor", 1, 1, Rows(x, x.Length / features), attributes)[0].ToArray<float>();

    [Fact]
    public void Svm_regressor_without_support_vectors_is_linear()
    {
        Assert.Equal([3.5f, 0.5f], Regress([1, 1, 0, 0], 2, Floats("coefficients", 1, 2), Floats("rho", 0.5f)));
    }

    [Fact]
    public void Svm_regressor_sums_kernel_values_of_the_support_vectors()
    {
        Attribute[] svr = [Attribute.Create("n_supports", 2L), Floats("support_vectors", 0, 0, 1, 1), Floats("coefficients", 1, -1), Floats("rho", 0.25f)];

        AssertClose([1 - System.Math.Exp(-1) + 0.25], Regress([0, 0], 2, [.. svr, Attribute.Create("kernel_type", "RBF"), Floats("kernel_params", 0.5f, 0, 0)]));
        // POLY: (1 * x·v + 1)^2 gives 1 for v0 and (2 + 1)^2 = 9 for v1.
        AssertClose([1 - 9 + 0.25], Regress([1, 1], 2, [.. svr, Attribute.Create("kernel_type", "POLY"), Floats("kernel_params", 1, 1, 2)]));
        AssertClose([System.Math.Tanh(1) - System.Math.Tanh(3) + 0.25], Regress([1, 1], 2, [.. svr, Attribute.Create("kernel_type", "SIGMOID"), Floats("kernel_params", 1, 1, 0)]));
        Assert.Equal([-1f, 1], Regress([1, 1, 0, 0], 2, [.. svr, Attribute.Create("one_class", 1L)]));
    }

    [Fact]
    public void Svm_regressor_rejects_support_vectors_that_do_not_fit()
    {
        AssertFails(() => Regress([1, 1], 2, Attribute.Create("n_supports", 2L), Floats("support_vectors", 0, 0, 1), Floats("coefficients", 1, -1), Floats("rho", 0)),
            "'support_vectors' has 3 values", "'n_supports' (2)");
        AssertFails(() => Regress([1, 1], 2, Attribute.Create("n_supports", 2L), Floats("support_vectors", 0, 0, 1, 1), Floats("coefficients", 1), Floats("rho", 0)),
            "'coefficients' has 1 values", "(2, 'n_supports')");
        AssertFails(() => Regress([1, 1, 1], 3, Floats("coefficients", 1, 2), Floats("rho", 0.5f)), "3 features per row", "implies 2");
        AssertFails(() => Regress([1, 1], 2, Attribute.Create("n_supports", 1L), Floats("support_vectors", 0, 0), Floats("coefficients", 1), Floats("rho", 0),
            Attribute.Create("kernel_type", "CUBIC")), "'kernel_type' is 'CUBIC'");
    }

    /// <summary>
    /// Three classes of one support vector each ([1, 0], [0, 1], [-1, -1]), linear kernel, coefficient rows
    /// [1, -1, 1] and [1, 1, -1]: pairs (0, 1), (0, 2) and (1, 2) score K0 - K1, K0 + K2 and K1 - K2.
    /// </summary>
    private static readonly Attribute[] ThreeClasses =
    [
        Ints("vectors_per_class", 1, 1, 1), Floats("support_vectors", 1, 0, 0, 1, -1, -1),
        Floats("coefficients", 1, -1, 1, 1, 1, -1), Floats("rho", 0, 0, 0), Ints("classlabels_ints", 10, 20, 30),
    ];

    private static OnnxValue[] Classify(float[] x, long features, params Attribute[] attributes) =>
        MlPredictorModel.Run("SVMClassifier", 1, 2, Rows(x, x.Length / features), attributes);

    [Fact]
    public void Svm_classifier_votes_one_against_one_and_scores_each_pair()
    {
        // x = [0, 2]: K = [0, 2, -2]; pair (0,1) = 1·0 - 1·2 = -2 votes 1, pair (0,2) = 1·0 + 1·(-2) = -2 votes 2,
        // pair (1,2) = 1·2 - 1·(-2) = 4 votes 1.
        OnnxValue[] result = Classify([0, 2], 2, ThreeClasses);

        Assert.Equal([20L], result[0].ToArray<long>());
        Assert.Equal([-2f, -2, 4], result[1].ToArray<float>());
    }

    [Fact]
    public void Svm_classifier_binary_scores_minus_s_and_s()
    {
        // One vector per class, [1] and [-1], coefficients [1, -1]: the pair scores x + x = 2x, positive for class 0.
        Attribute[] binary = [Ints("vectors_per_class", 1, 1), Floats("support_vectors", 1, -1), Floats("coefficients", 1, -1), Floats("rho", 0),
            Strings("classlabels_strings", "neg", "pos")];

        OnnxValue[] none = Classify([0.5f, -0.5f], 1, binary);
        OnnxValue[] logistic = Classify([0.5f], 1, [.. binary, Attribute.Create("post_transform", "LOGISTIC")]);

        Assert.Equal(["neg", "pos"], none[0].Tensor.ToStrings());
        Assert.Equal([-1f, 1, 1, -1], none[1].ToArray<float>());
        AssertClose([1 / (1 + System.Math.E), 1 / (1 + 1 / System.Math.E)], logistic[1].ToArray<float>());
    }

    /// <summary>
    /// Vectors [1] and [2], coefficients [1, 1] (all non-negative): the pair scores x + 2x = 3x, and the label is the
    /// most voted class whatever the coefficients' signs.
    /// </summary>
    [Fact]
    public void Svm_classifier_binary_label_is_the_most_voted_class()
    {
        OnnxValue[] result = Classify([1, -1], 1, Ints("vectors_per_class", 1, 1), Floats("support_vectors", 1, 2), Floats("coefficients", 1, 1),
            Floats("rho", 0), Strings("classlabels_strings", "a", "b"));

        Assert.Equal(["a", "b"], result[0].Tensor.ToStrings());
        Assert.Equal([-3f, 3, 3, -3], result[1].ToArray<float>());
    }

    [Fact]
    public void Svm_classifier_with_prob_a_and_prob_b_gives_platt_probabilities()
    {
        // Pair score 1 at x = 0.5; Platt: 1 - logistic(1 · -2 + 0) = logistic(2) for class 0, which two classes keep.
        Attribute[] binary = [Ints("vectors_per_class", 1, 1), Floats("support_vectors", 1, -1), Floats("coefficients", 1, -1), Floats("rho", 0),
            Ints("classlabels_ints", 0, 1), Floats("prob_a", -2), Floats("prob_b", 0)];
        double p = 1 / (1 + System.Math.Exp(-2));

        OnnxValue[] result = Classify([0.5f], 1, binary);

        Assert.Equal([0L], result[0].ToArray<long>());
        AssertClose([p, 1 - p], result[1].ToArray<float>(), 1e-3);
    }

    [Fact]
    public void Svm_classifier_three_class_probabilities_sum_to_one_and_follow_the_votes()
    {
        float[] z = Classify([0, 2], 2, [.. ThreeClasses, Floats("prob_a", -1, -1, -1), Floats("prob_b", 0, 0, 0)])[1].ToArray<float>();

        Assert.Equal(1, z.Sum(), 4);
        Assert.True(z[1] > z[0] && z[1] > z[2]);
    }

    [Fact]
    public void Svm_classifier_without_support_vectors_scores_each_class_linearly()
    {
        // Scores [2, 1] for x = [2, 1]; two classes and non-negative coefficients: a top score of at least 0.5 names
        // the second label, as in ONNX Runtime; [-1, -2] names the top class.
        OnnxValue[] result = Classify([2, 1, -1, -2], 2, Floats("coefficients", 1, 0, 0, 1), Floats("rho", 0), Ints("classlabels_ints", 3, 4));

        Assert.Equal([4L, 3], result[0].ToArray<long>());
        Assert.Equal([2f, 1, -1, -2], result[1].ToArray<float>());
    }

    /// <summary>Without support vectors, three classes score [2, 1, -3] at x = [2, 1] and one class scores x0: each names its top label.</summary>
    [Fact]
    public void Svm_classifier_without_support_vectors_names_the_top_label_for_other_class_counts()
    {
        OnnxValue[] three = Classify([2, 1], 2, Floats("coefficients", 1, 0, 0, 1, -1, -1), Floats("rho", 0), Strings("classlabels_strings", "x", "y", "z"));
        OnnxValue[] one = Classify([2, -1], 1, Floats("coefficients", 1), Floats("rho", 0), Strings("classlabels_strings", "only"));

        Assert.Equal(["x"], three[0].Tensor.ToStrings());
        Assert.Equal([2f, 1, -3], three[1].ToArray<float>());
        Assert.Equal(["only", "only"], one[0].Tensor.ToStrings());
        Assert.Equal([2f, -1], one[1].ToArray<float>());
    }

    [Fact]
    public void Svm_classifier_rejects_counts_that_do_not_fit()
    {
        Attribute[] Replace(string name, Attribute replacement) => [.. ThreeClasses.Where(a => a.Name != name), replacement];

        AssertFails(() => Classify([0, 2], 2, Replace("vectors_per_class", Ints("vectors_per_class", 1, 2))), "'vectors_per_class' has 2 values", "one per class (3)");
        AssertFails(() => Classify([0, 2], 2, Replace("coefficients", Floats("coefficients", 1, 2, 3))), "'coefficients' has 3 values", "= 6");
        AssertFails(() => Classify([0, 2], 2, Replace("rho", Floats("rho", 0))), "'rho' has 1 values", "class pair (3)");
        AssertFails(() => Classify([0, 2], 2, Replace("support_vectors", Floats("support_vectors", 1, 0, 0, 1, -1))), "'support_vectors' has 5 values");
        AssertFails(() => Classify([0, 2], 2, [.. ThreeClasses, Floats("prob_a", 1, 1, 1)]), "'prob_a' (3) and 'prob_b' (0)");
        AssertFails(() => Classify([0, 2, 1], 3, ThreeClasses), "3 features per row", "implies 2");
    }
}
