using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.QuantizationKernels;

public sealed class QLinearMatMulTests
{
    private static OnnxValue Scalar<T>(T value) where T : unmanaged => OnnxValue.FromTensor(Tensor.Scalar(value));

    [Fact]
    public void Uint8_products_are_rescaled_rounded_half_to_even_and_saturated()
    {
        // a − 1 = [[1, 2]], b − 0 = [[3], [4]]: the sum 11 times 0.5·1/2 = 2.75, plus 10 → 12.75 → 13.
        OnnxValue y = Run("QLinearMatMul", 21,
            [OnnxValue.FromArray(new byte[] { 2, 3 }, 1, 2), Scalar(0.5f), Scalar((byte)1),
                OnnxValue.FromArray(new byte[] { 3, 4 }, 2, 1), Scalar(1f), Scalar((byte)0), Scalar(2f), Scalar((byte)10)]);
        Assert.Equal([13], y.ToArray<byte>());

        // 11·20 = 220 saturates at 255.
        OnnxValue saturated = Run("QLinearMatMul", 21,
            [OnnxValue.FromArray(new byte[] { 2, 3 }, 1, 2), Scalar(20f), Scalar((byte)1),
                OnnxValue.FromArray(new byte[] { 3, 4 }, 2, 1), Scalar(1f), Scalar((byte)0), Scalar(1f), Scalar((byte)100)]);
        Assert.Equal([255], saturated.ToArray<byte>());
    }

    [Fact]
    public void Int8_with_per_row_and_per_column_parameters()
    {
        // Row 0 of a has zero point 1 and row 1 zero point −1; column 1 of b has scale 2.
        OnnxValue y = Run("QLinearMatMul", 21,
            [OnnxValue.FromArray(new sbyte[] { 1, 2, -1, 0 }, 2, 2), Scalar(1f), OnnxValue.FromArray(new sbyte[] { 1, -1 }, 2),
                OnnxValue.FromArray(new sbyte[] { 1, 1, 1, 2 }, 2, 2), OnnxValue.FromArray(new[] { 1f, 2f }, 2), Scalar((sbyte)0),
                Scalar(1f), Scalar((sbyte)0)]);
        // a − zp = [[0, 1], [0, 1]]; (a−zp)·b = [[1, 2], [1, 2]]; column 1 doubled.
        Assert.Equal([1, 4, 1, 4], y.ToArray<sbyte>());
    }

    [Fact]
    public void Zero_points_of_another_type_are_rejected()
    {
        var e = Assert.ThrowsAny<OnyxException>(() => RunDynamic("QLinearMatMul", 10,
            [OnnxValue.FromArray(new byte[] { 2, 3 }, 1, 2), Scalar(0.5f), Scalar((sbyte)1),
                OnnxValue.FromArray(new byte[] { 3, 4 }, 2, 1), Scalar(1f), Scalar((byte)0), Scalar(2f), Scalar((byte)10)]));
        Assert.Contains("QLinearMatMul", e.Message);
    }

    [Fact]
    public void A_scale_with_the_wrong_count_is_rejected()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("QLinearMatMul", 21,
            [OnnxValue.FromArray(new byte[] { 2, 3 }, 1, 2), OnnxValue.FromArray(new[] { 1f, 2f, 3f }, 3), Scalar((byte)1),
                OnnxValue.FromArray(new byte[] { 3, 4 }, 2, 1), Scalar(1f), Scalar((byte)0), Scalar(2f), Scalar((byte)10)]));
        Assert.Contains("expected a scalar or [1]", e.Message);
    }
}
