using Onyx.Runtime;
using static Onyx.Tests.Runtime.MlKernels.MlNodeModel;
using static Onyx.Tests.Runtime.MlKernels.MlPredictorModel;

namespace Onyx.Tests.Runtime.MlKernels;

/// <summary>LinearRegressor and LinearClassifier.</summary>
public sealed class LinearKernelTests
{
    private static readonly Attribute[] TwoTargets = [Floats("coefficients", 1, 2, 3, 4), Floats("intercepts", 0.5f, -1), Attribute.Create("targets", 2L)];

    [Fact]
    public void Linear_regressor_scores_each_target_for_every_input_type()
    {
        float[] expected = [3.5f, 6, 2.5f, 5];

        Assert.Equal(expected, MlPredictorModel.Run("LinearRegressor", 1, 1, Rows([1f, 1, 2, 0], 2), TwoTargets)[0].ToArray<float>());
        Assert.Equal(expected, MlPredictorModel.Run("LinearRegressor", 1, 1, Rows([1.0, 1, 2, 0], 2), TwoTargets)[0].ToArray<float>());
        Assert.Equal(expected, MlPredictorModel.Run("LinearRegressor", 1, 1, Rows([1L, 1, 2, 0], 2), TwoTargets)[0].ToArray<float>());
        Assert.Equal(expected, MlPredictorModel.Run("LinearRegressor", 1, 1, Rows([1, 1, 2, 0], 2), TwoTargets)[0].ToArray<float>());
    }

    [Fact]
    public void Linear_regressor_applies_the_post_transform_per_row()
    {
        float[] y = MlPredictorModel.Run("LinearRegressor", 1, 1, Rows([1f, 1], 1), [.. TwoTargets, Attribute.Create("post_transform", "SOFTMAX")])[0].ToArray<float>();

        AssertClose([1 / (1 + System.Math.Exp(2.5)), 1 / (1 + System.Math.Exp(-2.5))], y);
    }

    /// <summary>
    /// Scores [0, 2, -3] under SOFTMAX_ZERO: the zero keeps no weight, the others e^(s - 2) over e^0 + e^-5; a row of
    /// zeros weighs nothing and gives 0.5 everywhere (the reference implementation's rule; ONNX Runtime gives NaN).
    /// </summary>
    [Fact]
    public void Linear_regressor_softmax_zero_gives_zero_scores_no_weight_and_a_zero_row_one_half()
    {
        Attribute[] threeTargets = [Floats("coefficients", 0, 0, 0), Attribute.Create("targets", 3L), Attribute.Create("post_transform", "SOFTMAX_ZERO")];

        float[] y = MlPredictorModel.Run("LinearRegressor", 1, 1, Rows([1f], 1), [.. threeTargets, Floats("intercepts", 0, 2, -3)])[0].ToArray<float>();
        float[] zeros = MlPredictorModel.Run("LinearRegressor", 1, 1, Rows([1f], 1), threeTargets)[0].ToArray<float>();

        AssertClose([0, 1 / (1 + System.Math.Exp(-5)), System.Math.Exp(-5) / (1 + System.Math.Exp(-5))], y);
        Assert.Equal([0.5f, 0.5f, 0.5f], zeros);
    }

    /// <summary>One target scoring 1: LOGISTIC gives 1 / (1 + e^-1) (ONNX Runtime leaves a lone score untransformed).</summary>
    [Fact]
    public void Linear_regressor_transforms_a_single_target()
    {
        float[] y = MlPredictorModel.Run("LinearRegressor", 1, 1, Rows([1f], 1), Floats("coefficients", 1), Attribute.Create("post_transform", "LOGISTIC"))[0].ToArray<float>();

        AssertClose([1 / (1 + System.Math.Exp(-1))], y);
    }

    [Fact]
    public void Linear_regressor_rejects_coefficients_that_do_not_fit()
    {
        AssertFails(() => MlPredictorModel.Run("LinearRegressor", 1, 1, Rows([1f, 1], 1), Floats("coefficients", 1, 2, 3), Attribute.Create("targets", 2L)),
            "'coefficients' has 3 values", "multiple of 'targets' (2)");
        AssertFails(() => MlPredictorModel.Run("LinearRegressor", 1, 1, Rows([1f, 1, 1], 1), TwoTargets), "3 features per row", "implies 2");
        AssertFails(() => MlPredictorModel.Run("LinearRegressor", 1, 1, Rows([1f, 1], 1), [.. TwoTargets.SkipLast(1), Attribute.Create("targets", 3L)]),
            "multiple of 'targets' (3)");
    }

    private static OnnxValue[] Classify(OnnxValue x, params Attribute[] attributes) => MlPredictorModel.Run("LinearClassifier", 1, 2, x, attributes);

    [Fact]
    public void Linear_classifier_picks_the_label_of_the_highest_score()
    {
        Attribute[] threeClasses = [Floats("coefficients", 1, 0, 0, 1, -1, -1), Floats("intercepts", 0, 0, 1), Strings("classlabels_strings", "x", "y", "z")];

        OnnxValue[] result = Classify(Rows([2f, 1, 0, 3, -2, -2], 3), threeClasses);

        Assert.Equal(["x", "y", "z"], result[0].Tensor.ToStrings());
        Assert.Equal([2f, 1, -2, 0, 3, -2, -2, -2, 5], result[1].ToArray<float>());
    }

    /// <summary>Raw scores [0.2, 3, 0.5]: PROBIT gives [√2 erfinv(-0.6) ≈ -0.8416, NaN (3 is no probability), 0].</summary>
    [Fact]
    public void Linear_classifier_picks_the_label_before_the_post_transform()
    {
        OnnxValue[] result = Classify(Rows([1f, 1], 1), Floats("coefficients", 0, 0, 0, 0, 0, 0), Floats("intercepts", 0.2f, 3, 0.5f),
            Strings("classlabels_strings", "x", "y", "z"), Attribute.Create("post_transform", "PROBIT"));

        Assert.Equal(["y"], result[0].Tensor.ToStrings());
        float[] z = result[1].ToArray<float>();
        Assert.Equal(-0.8416, z[0], 2);
        Assert.True(float.IsNaN(z[1]));
        Assert.Equal(0f, z[2]);
    }

    [Fact]
    public void Linear_classifier_softmax_scores_and_int_labels()
    {
        OnnxValue[] result = Classify(Rows([1.0, 0], 1), Floats("coefficients", 1, 0, 0, 1), Floats("intercepts", 0, 0),
            Ints("classlabels_ints", 7, 8), Attribute.Create("post_transform", "SOFTMAX"));

        Assert.Equal([7L], result[0].ToArray<long>());
        AssertClose([System.Math.E / (System.Math.E + 1), 1 / (System.Math.E + 1)], result[1].ToArray<float>());
    }

    /// <summary>s = x0 - x1 is 1 and -1: NONE scores [1 - s, s], LOGISTIC [σ(-s), σ(s)]; the second label wins when s &gt; 0.</summary>
    [Fact]
    public void Linear_classifier_with_one_score_and_two_labels_scores_one_minus_s_and_s_or_minus_s_and_s()
    {
        Attribute[] binary = [Floats("coefficients", 1, -1), Floats("intercepts", 0), Ints("classlabels_ints", 5, 7)];

        OnnxValue[] none = Classify(Rows([2f, 1, 0, 1], 2), binary);
        OnnxValue[] logistic = Classify(Rows([2f, 1], 1), [.. binary, Attribute.Create("post_transform", "LOGISTIC")]);

        Assert.Equal([7L, 5], none[0].ToArray<long>());
        Assert.Equal([0f, 1, 2, -1], none[1].ToArray<float>());
        Assert.Equal([7L], logistic[0].ToArray<long>());
        AssertClose([1 / (1 + System.Math.E), 1 / (1 + 1 / System.Math.E)], logistic[1].ToArray<float>());
    }

    [Fact]
    public void Linear_classifier_with_one_score_and_one_label_names_it_at_the_threshold()
    {
        OnnxValue[] ints = Classify(Rows([2f, 1, 0, 1], 2), Floats("coefficients", 1, -1), Floats("intercepts", 0), Ints("classlabels_ints", 9));
        OnnxValue[] strings = Classify(Rows([2f, 1, 0, 1], 2), Floats("coefficients", 1, -1), Floats("intercepts", 0), Strings("classlabels_strings", "yes"));

        Assert.Equal([9L, 0], ints[0].ToArray<long>());
        Assert.Equal([1f, -1], ints[1].ToArray<float>());
        Assert.Equal(["yes", ""], strings[0].Tensor.ToStrings());
    }

    [Fact]
    public void Linear_classifier_rejects_coefficients_labels_and_rows_that_do_not_fit()
    {
        AssertFails(() => Classify(Rows([1f, 1], 1), Floats("coefficients", 1, 2, 3), Floats("intercepts", 0, 0), Ints("classlabels_ints", 1, 2)),
            "'coefficients' has 3 values", "class count (2");
        AssertFails(() => Classify(Rows([1f, 1], 1), Floats("coefficients", 1, 2, 3, 4), Floats("intercepts", 0, 0), Ints("classlabels_ints", 1, 2, 3)),
            "3 class labels for 2 classes");
        AssertFails(() => Classify(Rows([1f, 1, 1], 1), Floats("coefficients", 1, 2, 3, 4), Floats("intercepts", 0, 0), Ints("classlabels_ints", 1, 2)),
            "3 features per row", "implies 2");
        AssertFails(() => Classify(Rows([1f, 1], 1), Floats("coefficients", 1, 2), Attribute.Create("post_transform", "SQUASH")), "'post_transform' is 'SQUASH'");
    }
}
