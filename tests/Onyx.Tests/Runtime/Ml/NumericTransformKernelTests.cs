using Onyx.Runtime;
using static Onyx.Tests.Runtime.MlKernels.MlNodeModel;

namespace Onyx.Tests.Runtime.MlKernels;

/// <summary>Binarizer, Scaler, Normalizer and Imputer.</summary>
public sealed class NumericTransformKernelTests
{
    [Fact]
    public void Binarizer_gives_one_above_the_threshold_in_each_element_type()
    {
        Attribute threshold = Attribute.Create("threshold", 0.5f);

        Assert.Equal([0f, 0, 1, 0], Run("Binarizer", Values([-1f, 0.5f, 2f, float.NaN]), threshold).ToArray<float>());
        Assert.Equal([0.0, 1], Run("Binarizer", Values([0.25, 0.75]), threshold).ToArray<double>());
        Assert.Equal([0L, 0, 1], Run("Binarizer", Values([-1L, 0, 2])).ToArray<long>());
        Assert.Equal([0, 1], Run("Binarizer", Values([0, 1], 1, 2), threshold).ToArray<int>());
    }

    [Fact]
    public void Scaler_offsets_then_scales_per_feature_as_float()
    {
        OnnxValue y = Run("Scaler", Values([1f, 2, 3, 4], 2, 2), Attribute.Create("offset", [1f, 2]), Attribute.Create("scale", [2f, 3]));

        Assert.Equal(DataType.Float, y.ElementType);
        Assert.Equal([0f, 0, 4, 6], y.ToArray<float>());
    }

    [Fact]
    public void Scaler_with_one_value_applies_it_to_every_feature_of_every_type()
    {
        Attribute[] one = [Attribute.Create("offset", [1f]), Attribute.Create("scale", [0.5f])];

        Assert.Equal([0f, 1, 2], Run("Scaler", Values([1L, 3, 5]), one).ToArray<float>());
        Assert.Equal([0f, 1, 2], Run("Scaler", Values([1, 3, 5], 1, 3), one).ToArray<float>());
        Assert.Equal([0f, 1, 2], Run("Scaler", Values([1.0, 3, 5], 3, 1), one).ToArray<float>());
    }

    [Fact]
    public void Scaler_rejects_lists_of_other_lengths()
    {
        AssertFails(() => Run("Scaler", Values([1f, 2], 1, 2), Attribute.Create("offset", [1f, 2, 3]), Attribute.Create("scale", [1f, 2, 3])),
            "'offset'", "3 values", "1 or one per feature (2");
        AssertFails(() => Run("Scaler", Values([1f, 2], 1, 2), Attribute.Create("offset", [1f, 2]), Attribute.Create("scale", [1f])),
            "'offset' (2) and 'scale' (1)");
        AssertFails(() => Run("Scaler", Values([1f, 2], 1, 2), Attribute.Create("offset", [1f])), "'scale'", "required");
    }

    [Fact]
    public void Normalizer_divides_each_row_by_its_norm()
    {
        OnnxValue max = Run("Normalizer", Values([1f, 2, 4, 0, 0, 0], 2, 3));
        OnnxValue l1 = Run("Normalizer", Values([1.0, -3], 1, 2), Attribute.Create("norm", "L1"));
        OnnxValue l2 = Run("Normalizer", Values([3L, -4]), Attribute.Create("norm", "L2"));
        OnnxValue ints = Run("Normalizer", Values([2, 4, 1, 1], 2, 2), Attribute.Create("norm", "L1"));

        Assert.Equal([0.25f, 0.5f, 1, 0, 0, 0], max.ToArray<float>());
        Assert.Equal([0.25f, -0.75f], l1.ToArray<float>());
        Assert.Equal([0.6f, -0.8f], l2.ToArray<float>());
        Assert.Equal([2L], l2.Dims);
        Assert.Equal([1 / 3f, 2 / 3f, 0.5f, 0.5f], ints.ToArray<float>());
    }

    [Fact]
    public void Empty_tensors_and_scalars_keep_their_shape()
    {
        OnnxValue empty = Run("Binarizer", OnnxValue.FromArray(Array.Empty<float>(), 0, 2));
        OnnxValue scalar = Run("Scaler", OnnxValue.FromTensor(Tensor.Scalar(4f)), Attribute.Create("offset", [1f]), Attribute.Create("scale", [2f]));
        OnnxValue emptyRows = Run("Normalizer", OnnxValue.FromArray(Array.Empty<double>(), 0, 3), Attribute.Create("norm", "L2"));

        Assert.Equal([0L, 2], empty.Dims);
        Assert.Equal([6f], scalar.ToArray<float>());
        Assert.Empty(scalar.Dims);
        Assert.Equal([0L, 3], emptyRows.Dims);
    }

    [Fact]
    public void Normalizer_rejects_an_unknown_norm()
    {
        AssertFails(() => Run("Normalizer", Values([1f]), Attribute.Create("norm", "L3")), "'norm'", "L3");
    }

    [Fact]
    public void Imputer_replaces_NaN_per_feature()
    {
        OnnxValue y = Run("Imputer", Values([1f, float.NaN, float.NaN, 4], 2, 2), Attribute.Create("imputed_value_floats", [10f, 20]),
            Attribute.Create("replaced_value_float", float.NaN));

        Assert.Equal([1f, 20, 10, 4], y.ToArray<float>());
    }

    [Fact]
    public void Imputer_replaces_a_given_value_in_each_element_type()
    {
        Attribute[] integers = [Attribute.Create("imputed_value_int64s", [7L]), Attribute.Create("replaced_value_int64", -1L)];
        Attribute[] reals = [Attribute.Create("imputed_value_floats", [0.5f])];

        Assert.Equal([7L, 2, 7], Run("Imputer", Values([-1L, 2, -1], 1, 3), integers).ToArray<long>());
        Assert.Equal([7, 7], Run("Imputer", Values([-1, -1], 2, 1), integers).ToArray<int>());
        Assert.Equal([0.5, 3], Run("Imputer", Values([0.0, 3], 1, 2), reals).ToArray<double>());
    }

    [Fact]
    public void Imputer_rejects_malformed_values()
    {
        AssertFails(() => Run("Imputer", Values([1f, 2], 1, 2), Attribute.Create("imputed_value_floats", [1f]), Attribute.Create("imputed_value_int64s", [1L])),
            "exactly one of the attributes 'imputed_value_floats' and 'imputed_value_int64s'");
        AssertFails(() => Run("Imputer", Values([1f, 2], 1, 2)), "exactly one");
        AssertFails(() => Run("Imputer", Values([1f, 2], 1, 2), Attribute.Create("imputed_value_floats", [1f, 2, 3])),
            "'imputed_value_floats'", "3 values");
        AssertFails(() => Run("Imputer", Values([1L, 2], 1, 2), Attribute.Create("imputed_value_floats", [1f])), "int64", "'imputed_value_floats'");
        AssertFails(() => Run("Imputer", Values([1, 2], 1, 2), Attribute.Create("imputed_value_int64s", [1L << 40])), "does not fit");
    }
}
