using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

public sealed class NonZeroTests
{
    [Fact]
    public void Coordinates_come_in_row_major_order_with_negative_zero_as_zero_and_nan_as_nonzero()
    {
        OnnxValue y = Run("NonZero", 13, [OnnxValue.FromArray([-0f, float.NaN, 0f, 2f], 2, 2)]);

        Assert.Equal([2L, 2L], y.Dims);
        Assert.Equal([0L, 1, 1, 1], y.ToArray<long>());
    }

    [Fact]
    public void Strings_bfloat16_scalars_and_empty_tensors()
    {
        Assert.Equal([1L], Run("NonZero", 13, [OnnxValue.FromStrings(["", "x"], 2)]).ToArray<long>());
        Assert.Equal([0L, 2L], Run("NonZero", 13, [OnnxValue.FromArray([(BFloat16)1f, (BFloat16)0f, (BFloat16)(-1f)], 3)]).ToArray<long>());
        Assert.Equal([0L, 1L], Run("NonZero", 13, [OnnxValue.FromTensor(Tensor.Scalar(5))]).Dims);
        Assert.Equal([2L, 0L], Run("NonZero", 13, [OnnxValue.FromArray(Array.Empty<int>(), 0, 3)]).Dims);
    }
}
