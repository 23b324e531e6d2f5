using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

public sealed class CompressTests
{
    [Fact]
    public void Without_axis_the_flattened_input_is_compressed_and_a_short_condition_drops_the_rest()
    {
        OnnxValue y = Run("Compress", 11, [OnnxValue.FromArray([1, 2, 3, 4], 2, 2), OnnxValue.FromArray([false, true, true], 3)]);

        Assert.Equal([2L], y.Dims);
        Assert.Equal([2, 3], y.ToArray<int>());
    }

    [Fact]
    public void A_negative_axis_selects_slices_of_strings()
    {
        OnnxValue y = Run("Compress", 11, [OnnxValue.FromStrings(["a", "b", "c", "d"], 2, 2), OnnxValue.FromArray([true, false], 2)], Int("axis", -1));

        Assert.Equal([2L, 1L], y.Dims);
        Assert.Equal(["a", "c"], y.Tensor.ToStrings());
    }

    [Fact]
    public void A_condition_selecting_past_the_axis_fails_naming_the_input()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() =>
            Run("Compress", 11, [OnnxValue.FromArray([1f, 2f], 2), OnnxValue.FromArray([false, false, true], 3)], Int("axis", 0)));

        Assert.Contains("'x1'", error.Message);
    }
}
