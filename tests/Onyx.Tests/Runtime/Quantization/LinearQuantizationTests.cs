using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.QuantizationKernels;

public sealed class LinearQuantizationTests
{
    [Fact]
    public void Quantize_rounds_half_to_even_and_saturates()
    {
        OnnxValue x = OnnxValue.FromArray([0.5f, 1.5f, 2.5f, -1000, 1000], 5);

        OnnxValue y = Run("QuantizeLinear", 13, [x, OnnxValue.FromTensor(Tensor.Scalar(1f)), OnnxValue.FromTensor(Tensor.Scalar((sbyte)0))]);

        Assert.Equal(DataType.Int8, y.ElementType);
        Assert.Equal([(sbyte)0, 2, 2, -128, 127], y.ToArray<sbyte>());
    }

    [Fact]
    public void Per_axis_parameters_follow_the_axis()
    {
        OnnxValue x = OnnxValue.FromArray(new byte[] { 10, 10, 20, 20 }, 2, 2);

        OnnxValue y = Run("DequantizeLinear", 13, [x, OnnxValue.FromArray([1f, 2f], 2), OnnxValue.FromArray(new byte[] { 0, 10 }, 2)], Int("axis", 0));

        Assert.Equal([10f, 10, 20, 20], y.ToArray<float>());
    }

    [Fact]
    public void Blocked_scales_repeat_along_the_axis()
    {
        OnnxValue x = OnnxValue.FromArray([1f, 2, 3, 4, 5, 6], 1, 6);
        OnnxValue scale = OnnxValue.FromArray([1f, 0.5f], 1, 2);

        OnnxValue y = Run("QuantizeLinear", 21, [x, scale], Int("axis", 1), Int("block_size", 3));

        Assert.Equal([(byte)1, 2, 3, 8, 10, 12], y.ToArray<byte>());
    }

    [Fact]
    public void Quantizing_to_int4_packs_two_per_byte()
    {
        OnnxValue y = Run("QuantizeLinear", 21, [OnnxValue.FromArray([-9f, 3f], 2), OnnxValue.FromTensor(Tensor.Scalar(1f))], Int("output_dtype", (long)DataType.Int4));

        Assert.Equal(DataType.Int4, y.ElementType);
        Assert.Equal(new byte[] { 0x38 }, y.Tensor.RawData.ToArray());
    }

    [Fact]
    public void A_per_axis_scale_of_the_wrong_length_names_the_input()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() =>
            RunDynamic("DequantizeLinear", 13, [OnnxValue.FromArray(new byte[4], 2, 2), OnnxValue.FromArray([1f, 2f, 3f], 3)], Int("axis", 0)));

        Assert.Contains("input 1 ('x1')", e.Message);
    }
}
