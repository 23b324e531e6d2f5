using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.MathKernels;

public sealed class UnaryTests
{
    [Fact]
    public void Integer_functions_wrap_as_twos_complement()
    {
        Assert.Equal([int.MinValue, 5, 0], Run("Abs", 13, [OnnxValue.FromArray([int.MinValue, -5, 0], 3)]).ToArray<int>());
        Assert.Equal([(sbyte)-128, (sbyte)-5], Run("Neg", 13, [OnnxValue.FromArray([(sbyte)-128, (sbyte)5], 2)]).ToArray<sbyte>());
        Assert.Equal([(ushort)0, (ushort)1], Run("Sign", 13, [OnnxValue.FromArray([(ushort)0, (ushort)9], 2)]).ToArray<ushort>());
    }

    [Fact]
    public void Sign_keeps_NaN_and_zero()
    {
        float[] result = Run("Sign", 13, [OnnxValue.FromArray([float.NaN, -0f, -3f, 2f], 4)]).ToArray<float>();
        Assert.True(float.IsNaN(result[0]));
        Assert.Equal([0f, -1f, 1f], result[1..]);
    }

    [Fact]
    public void Round_takes_halves_to_even()
    {
        Assert.Equal([0f, 2f, 2f, -2f, -0f], Run("Round", 11, [OnnxValue.FromArray([0.5f, 1.5f, 2.5f, -2.5f, -0.4f], 5)]).ToArray<float>());
    }

    [Fact]
    public void Erf_is_accurate_across_its_range()
    {
        double[] result = Run("Erf", 13, [OnnxValue.FromArray([0.0, 0.5, -1.0, 2.0, 3.5, 7.0], 6)]).ToArray<double>();
        double[] expected = [0, 0.5204998778130465, -0.8427007929497149, 0.9953222650189527, 0.9999992569016276, 1];
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], result[i], 1e-14);
        Assert.Equal([0, 0, 0], Run("Erf", 9, [OnnxValue.FromArray([-3, 0, 2], 3)]).ToArray<int>());
    }

    [Fact]
    public void Sixteen_bit_floats_compute_in_float_and_round_back()
    {
        Assert.Equal([(Half)1.414], Run("Sqrt", 13, [OnnxValue.FromArray([(Half)2], 1)]).ToArray<Half>());
        Assert.Equal([(BFloat16)MathF.Exp(1)], Run("Exp", 13, [OnnxValue.FromArray([(BFloat16)1f], 1)]).ToArray<BFloat16>());
    }

    [Fact]
    public void Empty_and_scalar_inputs_keep_their_shape()
    {
        Assert.Equal([0L, 2L], Run("Cos", 7, [OnnxValue.FromArray(new double[0], 0, 2)]).Dims);
        OnnxValue scalar = Run("Floor", 13, [OnnxValue.FromTensor(Onyx.Tensor.Scalar(-1.5f))]);
        Assert.Empty(scalar.Dims);
        Assert.Equal([-2f], scalar.ToArray<float>());
    }
}
