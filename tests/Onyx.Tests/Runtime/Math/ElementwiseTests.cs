using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.MathKernels;

public sealed class ElementwiseTests
{
    [Fact]
    public void Add_computes_every_numeric_type()
    {
        Assert.Equal([(sbyte)-128], Run("Add", 14, [OnnxValue.FromArray([(sbyte)127], 1), OnnxValue.FromArray([(sbyte)1], 1)]).ToArray<sbyte>());
        Assert.Equal([(byte)3], Run("Add", 14, [OnnxValue.FromArray([(byte)1], 1), OnnxValue.FromArray([(byte)2], 1)]).ToArray<byte>());
        Assert.Equal([(short)3], Run("Add", 14, [OnnxValue.FromArray([(short)1], 1), OnnxValue.FromArray([(short)2], 1)]).ToArray<short>());
        Assert.Equal([(ushort)3], Run("Add", 14, [OnnxValue.FromArray([(ushort)1], 1), OnnxValue.FromArray([(ushort)2], 1)]).ToArray<ushort>());
        Assert.Equal([3u], Run("Add", 14, [OnnxValue.FromArray([1u], 1), OnnxValue.FromArray([2u], 1)]).ToArray<uint>());
        Assert.Equal([3ul], Run("Add", 14, [OnnxValue.FromArray([1ul], 1), OnnxValue.FromArray([2ul], 1)]).ToArray<ulong>());
        Assert.Equal([long.MaxValue], Run("Add", 14, [OnnxValue.FromArray([long.MaxValue - 1], 1), OnnxValue.FromArray([1L], 1)]).ToArray<long>());
        Assert.Equal([0.75], Run("Add", 14, [OnnxValue.FromArray([0.5], 1), OnnxValue.FromArray([0.25], 1)]).ToArray<double>());
        Assert.Equal([(Half)1.5], Run("Add", 14, [OnnxValue.FromArray([(Half)1], 1), OnnxValue.FromArray([(Half)0.5], 1)]).ToArray<Half>());
        Assert.Equal([(BFloat16)3f], Run("Add", 14, [OnnxValue.FromArray([(BFloat16)1f], 1), OnnxValue.FromArray([(BFloat16)2f], 1)]).ToArray<BFloat16>());
    }

    [Fact]
    public void Broadcasting_covers_scalars_and_empty_tensors()
    {
        OnnxValue scalar = Run("Mul", 14, [OnnxValue.FromTensor(Onyx.Tensor.Scalar(3f)), OnnxValue.FromTensor(Onyx.Tensor.Scalar(2f))]);
        Assert.Empty(scalar.Dims);
        Assert.Equal([6f], scalar.ToArray<float>());

        OnnxValue empty = Run("Sub", 14, [OnnxValue.FromArray(new int[0], 0, 3), OnnxValue.FromArray([1, 2, 3], 3)]);
        Assert.Equal([0L, 3L], empty.Dims);

        OnnxValue both = Run("Add", 14, [OnnxValue.FromArray([1, 2], 2, 1), OnnxValue.FromArray([10, 20, 30], 1, 3)]);
        Assert.Equal([11, 21, 31, 12, 22, 32], both.ToArray<int>());
    }

    [Fact]
    public void Integer_division_truncates_wraps_and_rejects_zero()
    {
        Assert.Equal([-2, int.MinValue], Run("Div", 14, [OnnxValue.FromArray([-7, int.MinValue], 2), OnnxValue.FromArray([3, -1], 2)]).ToArray<int>());

        var error = Assert.Throws<OnnxRuntimeException>(() => Run("Div", 14, [OnnxValue.FromArray([1L, 2L], 2), OnnxValue.FromArray([1L, 0L], 2)]));
        Assert.Contains("node", error.Message);
        Assert.Contains("input B", error.Message);
    }

    [Fact]
    public void Legacy_broadcast_aligns_B_at_axis_or_at_the_end()
    {
        OnnxValue a = OnnxValue.FromArray(Enumerable.Repeat(0f, 24).ToArray(), 2, 3, 4);
        float[] atAxis = Run("Add", 6, [a, OnnxValue.FromArray([1f, 2f, 3f], 3)], Int("broadcast", 1), Int("axis", 1)).ToArray<float>();
        Assert.Equal([1f, 1f, 1f, 1f, 2f, 2f, 2f, 2f, 3f, 3f, 3f, 3f], atAxis[..12]);

        float[] trailing = Run("Mul", 6, [OnnxValue.FromArray([1f, 2f, 3f, 4f], 2, 2), OnnxValue.FromArray([10f, 100f], 2)], Int("broadcast", 1)).ToArray<float>();
        Assert.Equal([10f, 200f, 30f, 400f], trailing);

        var error = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("Add", 6, [a, OnnxValue.FromArray([1f, 2f, 3f], 3)]));
        Assert.Contains("broadcast=1", error.Message);
    }

    [Fact]
    public void Mismatched_shapes_fail_naming_the_inputs()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("Add", 14, [OnnxValue.FromArray([1f, 2f], 2), OnnxValue.FromArray([1f, 2f, 3f], 3)]));
        Assert.Contains("node", error.Message);
        Assert.Contains("A [2]", error.Message);
    }

    [Fact]
    public void A_broadcast_too_large_for_an_array_fails()
    {
        OnnxValue column = OnnxValue.FromArray(new byte[100_000], 100_000, 1), row = OnnxValue.FromArray(new byte[100_000], 1, 100_000);
        var error = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("Add", 14, [column, row]));
        Assert.Contains("more elements than one array can hold", error.Message);
    }

    [Fact]
    public void Mod_takes_the_divisors_sign_unless_fmod()
    {
        OnnxValue a = OnnxValue.FromArray([-7, 7, -7, 7], 4), b = OnnxValue.FromArray([3, -3, -3, 3], 4);
        Assert.Equal([2, -2, -1, 1], Run("Mod", 13, [a, b]).ToArray<int>());
        Assert.Equal([-1, 1, -1, 1], Run("Mod", 13, [a, b], Int("fmod", 1)).ToArray<int>());
        Assert.Equal([-1.5f, 1.5f], Run("Mod", 13, [OnnxValue.FromArray([-5.5f, 5.5f], 2), OnnxValue.FromArray([2f, 2f], 2)], Int("fmod", 1)).ToArray<float>());
        Assert.Equal([0L], Run("Mod", 13, [OnnxValue.FromArray([long.MinValue], 1), OnnxValue.FromArray([-1L], 1)]).ToArray<long>());

        var error = Assert.Throws<OnnxRuntimeException>(() => Run("Mod", 13, [OnnxValue.FromArray([(byte)5], 1), OnnxValue.FromArray([(byte)0], 1)]));
        Assert.Contains("input B", error.Message);
    }

    [Fact]
    public void Pow_is_exact_for_integers_and_mixes_types()
    {
        Assert.Equal([1L << 62, 1L, 0L], Run("Pow", 15, [OnnxValue.FromArray([2L, 5L, 2L], 3), OnnxValue.FromArray([62L, 0L, -1L], 3)]).ToArray<long>());
        Assert.Equal([8f, 0.25f], Run("Pow", 15, [OnnxValue.FromArray([2f, 2f], 2), OnnxValue.FromArray([3L, -2L], 2)]).ToArray<float>());
        Assert.Equal([3, 2], Run("Pow", 15, [OnnxValue.FromArray([9, 8], 2), OnnxValue.FromArray([0.5f, 0.34f], 2)]).ToArray<int>());
        Assert.Equal([(Half)9], Run("Pow", 15, [OnnxValue.FromArray([(Half)3], 1), OnnxValue.FromArray([2], 1)]).ToArray<Half>());
    }
}
