using Onyx.Runtime;
using static Onyx.Tests.Runtime.MlKernels.MlNodeModel;

namespace Onyx.Tests.Runtime.MlKernels;

public sealed class ArrayFeatureExtractorKernelTests
{
    private static OnnxValue Extract(OnnxValue x, OnnxValue indices) => Run("ArrayFeatureExtractor", 1, [x, indices]);

    [Fact]
    public void Selects_columns_of_the_last_axis_in_index_order()
    {
        OnnxValue y = Extract(Values([0f, 1, 2, 3, 4, 5, 6, 7], 2, 4), Values([3L, 0, 3]));

        Assert.Equal([3f, 0, 3, 7, 4, 7], y.ToArray<float>());
        Assert.Equal([2L, 3], y.Dims);
    }

    [Fact]
    public void A_vector_gives_one_row()
    {
        OnnxValue y = Extract(Strings(["a", "b", "c"]), Values([2L]));

        Assert.Equal(["c"], y.Tensor.ToStrings());
        Assert.Equal([1L, 1], y.Dims);
    }

    [Fact]
    public void Works_for_every_element_type_and_reads_indices_flattened()
    {
        OnnxValue ints = Extract(Values([1, 2, 3, 4, 5, 6, 7, 8], 2, 2, 2), Values([1L], 1, 1));
        OnnxValue longs = Extract(Values([1L, 2, 3]), Values([0L, 2], 1, 2));
        OnnxValue doubles = Extract(Values([1.5, 2.5], 1, 2), Values([1L, 0], 2, 1));

        Assert.Equal([2, 4, 6, 8], ints.ToArray<int>());
        Assert.Equal([2L, 2, 1], ints.Dims);
        Assert.Equal([1L, 3], longs.ToArray<long>());
        Assert.Equal([2.5, 1.5], doubles.ToArray<double>());
    }

    [Theory]
    [InlineData(2L)]
    [InlineData(-1L)]
    public void An_index_outside_the_last_axis_fails_naming_the_input(long index)
    {
        AssertFails(() => Extract(Values([1f, 2], 1, 2), Values([index])), "input 1 ('in1')", $"index {index}", "[0, 1]");
    }
}
