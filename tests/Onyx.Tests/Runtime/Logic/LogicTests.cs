using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.LogicKernels;

public sealed class LogicTests
{
    [Fact]
    public void Logical_operators_broadcast_bools()
    {
        OnnxValue a = OnnxValue.FromArray([true, true, false, false], 2, 2), b = OnnxValue.FromArray([true, false], 2);
        Assert.Equal([true, false, false, false], Run("And", 7, [a, b]).ToArray<bool>());
        Assert.Equal([true, true, true, false], Run("Or", 7, [a, b]).ToArray<bool>());
        Assert.Equal([false, true, true, false], Run("Xor", 7, [a, b]).ToArray<bool>());
        Assert.Equal([false, false, true, true], Run("Not", 1, [a]).ToArray<bool>());
        Assert.Equal([true, true, false, false], Run("And", 1, [a, OnnxValue.FromArray([true, false], 2)], Int("broadcast", 1), Int("axis", 0)).ToArray<bool>());
    }

    [Fact]
    public void Comparisons_cover_numbers_bools_and_strings()
    {
        Assert.Equal([true, false], Run("Equal", 19, [OnnxValue.FromStrings(["a", "b"], 2), OnnxValue.FromStrings(["a"], 1)]).ToArray<bool>());
        Assert.Equal([false, true], Run("Equal", 13, [OnnxValue.FromArray([true, false], 2), OnnxValue.FromArray([false], 1)]).ToArray<bool>());
        Assert.Equal([true, false, true], Run("Less", 13, [OnnxValue.FromArray([ulong.MaxValue - 1, ulong.MaxValue, 0ul], 3), OnnxValue.FromArray([ulong.MaxValue], 1)]).ToArray<bool>());
        Assert.Equal([false, true], Run("GreaterOrEqual", 16, [OnnxValue.FromArray([float.NaN, 1f], 2), OnnxValue.FromArray([1f], 1)]).ToArray<bool>());
        Assert.Equal([true], Run("LessOrEqual", 16, [OnnxValue.FromArray([(Half)1], 1), OnnxValue.FromArray([(Half)1], 1)]).ToArray<bool>());
        Assert.Equal([0L], Run("Greater", 13, [OnnxValue.FromArray(new int[0], 0), OnnxValue.FromTensor(Onyx.Tensor.Scalar(1))]).Dims);
    }

    [Fact]
    public void Bit_shifts_past_the_width_give_zero()
    {
        OnnxValue x = OnnxValue.FromArray([(byte)0b1001, (byte)1, (byte)255], 3), y = OnnxValue.FromArray([(byte)1, (byte)8, (byte)4], 3);
        Assert.Equal([(byte)0b10010, (byte)0, (byte)0xF0], Run("BitShift", 11, [x, y], String("direction", "LEFT")).ToArray<byte>());
        Assert.Equal([(byte)0b100, (byte)0, (byte)0x0F], Run("BitShift", 11, [x, y], String("direction", "RIGHT")).ToArray<byte>());
    }

    [Fact]
    public void Bitwise_operators_cover_signed_integers()
    {
        Assert.Equal([-1, 0], Run("BitwiseNot", 18, [OnnxValue.FromArray([0, -1], 2)]).ToArray<int>());
        Assert.Equal([(short)0b1000], Run("BitwiseAnd", 18, [OnnxValue.FromArray([(short)0b1100], 1), OnnxValue.FromArray([(short)0b1010], 1)]).ToArray<short>());
        Assert.Equal([0b0110L], Run("BitwiseXor", 18, [OnnxValue.FromArray([0b1100L], 1), OnnxValue.FromArray([0b1010L], 1)]).ToArray<long>());
    }

    [Fact]
    public void Mismatched_shapes_fail_naming_the_node()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() =>
            RunDynamic("Equal", 13, [OnnxValue.FromArray([1, 2], 2), OnnxValue.FromArray([1, 2, 3], 3)]));
        Assert.Contains("node", error.Message);
        Assert.Contains("cannot be broadcast", error.Message);
    }
}
