using System.Numerics;
using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

public sealed class GatherTests
{
    private static OnnxValue Strings(long[] dims, params string[] values) => OnnxValue.FromStrings(values, dims);

    [Fact]
    public void Gather_takes_slices_along_a_negative_axis_with_negative_indices()
    {
        OnnxValue data = OnnxValue.FromArray([1.0, 2, 3, 4, 5, 6], 2, 3);

        OnnxValue y = Run("Gather", 13, [data, OnnxValue.FromArray([-1, 0], 2)], Int("axis", -1));

        Assert.Equal([2L, 2L], y.Dims);
        Assert.Equal([3.0, 1, 6, 4], y.ToArray<double>());
    }

    [Fact]
    public void Gather_moves_strings_bools_and_complex_numbers()
    {
        OnnxValue text = Run("Gather", 13, [Strings([3], "a", "b", "c"), OnnxValue.FromArray([2L, 2L, 0L], 3)]);
        OnnxValue flags = Run("Gather", 13, [OnnxValue.FromArray([true, false], 2), OnnxValue.FromArray([1L], 1)]);
        OnnxValue complex = Run("Gather", 13, [OnnxValue.FromArray([new Complex(1, 2), new Complex(3, 4)], 2), OnnxValue.FromArray([1L], 1)]);

        Assert.Equal(["c", "c", "a"], text.Tensor.ToStrings());
        Assert.Equal([false], flags.ToArray<bool>());
        Assert.Equal([new Complex(3, 4)], complex.ToArray<Complex>());
    }

    [Fact]
    public void Gather_with_a_scalar_index_drops_the_axis_and_empty_indices_give_an_empty_output()
    {
        OnnxValue data = OnnxValue.FromArray([1f, 2f, 3f, 4f], 2, 2);

        OnnxValue row = Run("Gather", 13, [data, OnnxValue.FromTensor(Tensor.Scalar(1L))]);
        OnnxValue none = Run("Gather", 13, [data, OnnxValue.FromArray(Array.Empty<long>(), 0)], Int("axis", 1));

        Assert.Equal([2L], row.Dims);
        Assert.Equal([3f, 4f], row.ToArray<float>());
        Assert.Equal([2L, 0L], none.Dims);
    }

    [Fact]
    public void Gather_out_of_range_index_fails_naming_the_node_input_and_index()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() =>
            Run("Gather", 13, [OnnxValue.FromArray([1f, 2f, 3f], 3), OnnxValue.FromArray([0L, 3L], 2)]));

        Assert.Contains("node", error.Message);
        Assert.Contains("'x1'", error.Message);
        Assert.Contains("index 3", error.Message);
    }

    [Fact]
    public void GatherElements_picks_along_the_axis_per_position()
    {
        OnnxValue data = OnnxValue.FromArray([1, 2, 3, 4, 5, 6], 3, 2);

        OnnxValue y = Run("GatherElements", 13, [data, OnnxValue.FromArray([-1, 0, 1, 2], 2, 2)], Int("axis", 0));

        Assert.Equal([5, 2, 3, 6], y.ToArray<int>());
    }

    [Fact]
    public void GatherElements_rejects_indices_larger_than_data_and_bad_indices()
    {
        OnnxValue data = OnnxValue.FromArray([1, 2, 3, 4], 2, 2);

        Assert.Throws<OnnxRuntimeException>(() => RunDynamic("GatherElements", 13, [data, OnnxValue.FromArray([0L, 0L, 0L], 1, 3)], Int("axis", 0)));
        var error = Assert.Throws<OnnxRuntimeException>(() => Run("GatherElements", 13, [data, OnnxValue.FromArray([0L, -3L], 1, 2)], Int("axis", 0)));
        Assert.Contains("index -3", error.Message);
    }

    [Fact]
    public void GatherND_with_batch_dims_indexes_within_each_batch()
    {
        OnnxValue data = Strings([2, 2, 2], "a", "b", "c", "d", "e", "f", "g", "h");

        OnnxValue y = Run("GatherND", 13, [data, OnnxValue.FromArray([1L, 0L], 2, 1)], Int("batch_dims", 1));

        Assert.Equal([2L, 2L], y.Dims);
        Assert.Equal(["c", "d", "e", "f"], y.Tensor.ToStrings());
    }

    [Fact]
    public void GatherND_full_tuples_select_elements_and_bad_indices_fail()
    {
        OnnxValue data = OnnxValue.FromArray([1f, 2f, 3f, 4f], 2, 2);

        Assert.Equal([2f, 3f], Run("GatherND", 13, [data, OnnxValue.FromArray([0L, 1L, -1L, 0L], 2, 2)]).ToArray<float>());
        var error = Assert.Throws<OnnxRuntimeException>(() => Run("GatherND", 13, [data, OnnxValue.FromArray([0L, 2L], 1, 2)]));
        Assert.Contains("index 2", error.Message);
    }
}
