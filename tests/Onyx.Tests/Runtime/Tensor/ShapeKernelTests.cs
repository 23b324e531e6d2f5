using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

/// <summary>The kernels that change dims or make values: Reshape, Flatten, Squeeze, Unsqueeze, Constant, ConstantOfShape, Shape, Size, EyeLike, Range.</summary>
public sealed class ShapeKernelTests
{
    private static OnnxValue Longs(params long[] values) => OnnxValue.FromArray(values, values.Length);

    [Fact]
    public void Reshape_copies_zero_dims_infers_minus_one_and_shares_the_data()
    {
        OnnxValue x = OnnxValue.FromArray([1f, 2, 3, 4, 5, 6], 2, 3);

        OnnxValue y = Run("Reshape", 14, [x, Longs(0, -1, 1)]);

        Assert.Equal([2L, 3, 1], y.Dims);
        Assert.Equal([1f, 2, 3, 4, 5, 6], y.ToArray<float>());
    }

    [Fact]
    public void Reshape_with_allowzero_keeps_a_zero_dim_and_moves_strings()
    {
        OnnxValue empty = Run("Reshape", 14, [OnnxValue.FromArray(Array.Empty<int>(), 0, 3), Longs(3, 0)], Int("allowzero", 1));
        OnnxValue text = Run("Reshape", 14, [OnnxValue.FromStrings(["a", "b", "c", "d"], 4), Longs(2, 2)]);

        Assert.Equal([3L, 0], empty.Dims);
        Assert.Equal([2L, 2], text.Dims);
        Assert.Equal(["a", "b", "c", "d"], text.Tensor.ToStrings());
    }

    [Fact]
    public void Reshape_to_a_different_element_count_names_the_node_and_the_shape_input()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => Run("Reshape", 14, [OnnxValue.FromArray([1f, 2, 3], 3), Longs(2, 2)]));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("input 1 ('x1')", e.Message);
    }

    [Fact]
    public void Flatten_splits_at_the_axis_including_zero_and_negative_axes()
    {
        OnnxValue x = OnnxValue.FromArray(new double[24], 2, 3, 4);

        Assert.Equal([1L, 24], Run("Flatten", 13, [x], Int("axis", 0)).Dims);
        Assert.Equal([6L, 4], Run("Flatten", 13, [x], Int("axis", -1)).Dims);
        Assert.Equal([0L, 3], Run("Flatten", 13, [OnnxValue.FromArray(Array.Empty<byte>(), 0, 3)]).Dims);
    }

    [Fact]
    public void Squeeze_and_unsqueeze_take_axes_as_attribute_before_13_and_as_input_after()
    {
        OnnxValue x = OnnxValue.FromArray([true, false], 1, 2, 1);

        Assert.Equal([2L], Run("Squeeze", 11, [x]).Dims);
        Assert.Equal([2L, 1], Run("Squeeze", 13, [x, Longs(0)]).Dims);
        Assert.Equal([1L, 1, 2, 1, 1], Run("Unsqueeze", 11, [x], Ints("axes", 0, -1)).Dims);
        Assert.Equal([1L, 1, 2, 1, 1], Run("Unsqueeze", 13, [x, Longs(-1, 1)]).Dims);
        Assert.Equal([1L], Run("Unsqueeze", 13, [OnnxValue.FromTensor(Tensor.Scalar(3L)), Longs(0)]).Dims);
    }

    [Fact]
    public void Squeezing_an_axis_that_is_not_one_fails()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("Squeeze", 11, [OnnxValue.FromArray(new float[2], 2)], Ints("axes", 0)));

        Assert.Contains("cannot squeeze axis 0", e.Message);
    }

    [Fact]
    public void Constant_makes_every_form_of_value()
    {
        Assert.Equal([1L, 2, 3], Run("Constant", 13, [], Ints("value_ints", 1, 2, 3)).ToArray<long>());
        Assert.Equal(["hi"], Run("Constant", 13, [], String("value_string", "hi")).Tensor.ToStrings());
        Assert.Empty(Run("Constant", 13, [], Attribute.Create("value_float", 2.5f)).Dims);

        var sparse = new SparseTensor(Tensor.FromArray([7f, 9f], 2), Tensor.FromArray([1L, 3L], 2), [2, 2]);
        OnnxValue dense = Run("Constant", 13, [], Attribute.Create("sparse_value", sparse));

        Assert.Equal([0f, 7f, 0f, 9f], dense.ToArray<float>());
    }

    [Fact]
    public void ConstantOfShape_fills_the_value_type_and_an_empty_shape_gives_a_scalar()
    {
        OnnxValue ints = Run("ConstantOfShape", 9, [Longs(2, 2)], Attribute.Create("value", Tensor.FromArray([5], 1)));
        OnnxValue zero = Run("ConstantOfShape", 9, [OnnxValue.FromArray(Array.Empty<long>(), 0)]);

        Assert.Equal([5, 5, 5, 5], ints.ToArray<int>());
        Assert.Empty(zero.Dims);
        Assert.Equal([0f], zero.ToArray<float>());
    }

    [Fact]
    public void Shape_clamps_start_and_end_and_size_counts_elements()
    {
        OnnxValue x = OnnxValue.FromArray(new float[24], 2, 3, 4);

        Assert.Equal([3L, 4], Run("Shape", 15, [x], Int("start", -2)).ToArray<long>());
        Assert.Equal([2L], Run("Shape", 15, [x], Int("start", -10), Int("end", 1)).ToArray<long>());
        Assert.Empty(Run("Shape", 15, [x], Int("start", 2), Int("end", 1)).ToArray<long>());
        Assert.Equal([24L], Run("Size", 13, [x]).ToArray<long>());
    }

    [Fact]
    public void EyeLike_shifts_the_diagonal_and_takes_the_dtype()
    {
        OnnxValue y = Run("EyeLike", 9, [OnnxValue.FromArray(new float[6], 2, 3)], Int("k", 1), Int("dtype", (long)DataType.Int32));

        Assert.Equal([0, 1, 0, 0, 0, 1], y.ToArray<int>());
    }

    [Fact]
    public void Range_counts_down_and_rejects_a_zero_delta()
    {
        OnnxValue y = Run("Range", 11, [OnnxValue.FromTensor(Tensor.Scalar(10)), OnnxValue.FromTensor(Tensor.Scalar(4)), OnnxValue.FromTensor(Tensor.Scalar(-3))]);

        Assert.Equal([10, 7], y.ToArray<int>());
        var e = Assert.Throws<OnnxRuntimeException>(() =>
            Run("Range", 11, [OnnxValue.FromTensor(Tensor.Scalar(1.0)), OnnxValue.FromTensor(Tensor.Scalar(4.0)), OnnxValue.FromTensor(Tensor.Scalar(0.0))]));
        Assert.Contains("input 2 ('x2') is 0", e.Message);
    }
}
