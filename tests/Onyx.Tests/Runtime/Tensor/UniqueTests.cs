using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

public sealed class UniqueTests
{
    private static OnnxValue[] Unique(OnnxValue x, params Attribute[] attributes) => Run("Unique", 11, [x], 4, attributes);

    [Fact]
    public void Sorted_strings_with_all_four_outputs()
    {
        OnnxValue[] outputs = Unique(OnnxValue.FromStrings(["b", "a", "b", "c"], 4));

        Assert.Equal(["a", "b", "c"], outputs[0].Tensor.ToStrings());
        Assert.Equal([1L, 0, 3], outputs[1].ToArray<long>());
        Assert.Equal([1L, 0, 1, 2], outputs[2].ToArray<long>());
        Assert.Equal([1L, 2, 1], outputs[3].ToArray<long>());
    }

    [Fact]
    public void Unsorted_keeps_the_order_of_first_occurrence()
    {
        OnnxValue[] outputs = Unique(OnnxValue.FromArray([2.5, -1, 2.5, 7], 4), Int("sorted", 0));

        Assert.Equal([2.5, -1, 7], outputs[0].ToArray<double>());
        Assert.Equal([0L, 1, 0, 2], outputs[2].ToArray<long>());
    }

    [Fact]
    public void A_negative_axis_finds_distinct_columns()
    {
        OnnxValue[] outputs = Unique(OnnxValue.FromArray([1, 0, 1, 2, 3, 2], 2, 3), Int("axis", -1));

        Assert.Equal([2L, 2L], outputs[0].Dims);
        Assert.Equal([0, 1, 3, 2], outputs[0].ToArray<int>());
        Assert.Equal([1L, 0, 1], outputs[2].ToArray<long>());
        Assert.Equal([1L, 2], outputs[3].ToArray<long>());
    }

    [Fact]
    public void NaN_is_one_value_sorted_last()
    {
        OnnxValue[] outputs = Unique(OnnxValue.FromArray([float.NaN, 1f, float.NaN, -0f, 0f], 5));

        Assert.Equal([-0f, 1f, float.NaN], outputs[0].ToArray<float>());
        Assert.Equal([2L, 1, 2], outputs[3].ToArray<long>());
    }
}
