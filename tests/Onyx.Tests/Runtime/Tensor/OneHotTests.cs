using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

public sealed class OneHotTests
{
    [Fact]
    public void Negative_and_out_of_range_indices_with_real_depth_and_string_values()
    {
        OnnxValue y = Run("OneHot", 11,
            [OnnxValue.FromArray([-1f, 0.7f, 5f], 3), OnnxValue.FromTensor(Tensor.Scalar(3.0)), OnnxValue.FromStrings(["off", "on"], 2)]);

        Assert.Equal([3L, 3L], y.Dims);
        Assert.Equal(["off", "off", "on", "on", "off", "off", "off", "off", "off"], y.Tensor.ToStrings());
    }

    [Fact]
    public void Axis_zero_puts_the_new_dim_first()
    {
        OnnxValue y = Run("OneHot", 11,
            [OnnxValue.FromArray([1L, 0L], 2), OnnxValue.FromArray([2], 1), OnnxValue.FromArray([0L, 9L], 2)], Int("axis", 0));

        Assert.Equal([2L, 2L], y.Dims);
        Assert.Equal([0L, 9, 9, 0], y.ToArray<long>());
    }

    [Fact]
    public void Version_9_treats_negative_indices_as_out_of_range()
    {
        OnnxValue y = Run("OneHot", 9, [OnnxValue.FromArray([-1L], 1), OnnxValue.FromArray([2L], 1), OnnxValue.FromArray([0f, 1f], 2)]);

        Assert.Equal([0f, 0f], y.ToArray<float>());
    }
}
