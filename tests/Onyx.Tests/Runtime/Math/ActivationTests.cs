using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.MathKernels;

public sealed class ActivationTests
{
    private static Attribute Float(string name, float value) => Attribute.Create(name, value);

    [Fact]
    public void Relu_covers_integers_and_keeps_NaN()
    {
        Assert.Equal([(sbyte)0, (sbyte)3], Run("Relu", 14, [OnnxValue.FromArray([(sbyte)-3, (sbyte)3], 2)]).ToArray<sbyte>());
        Assert.True(float.IsNaN(Run("Relu", 14, [OnnxValue.FromArray([float.NaN], 1)]).ToArray<float>()[0]));
    }

    [Fact]
    public void Attributes_and_their_defaults_shape_the_function()
    {
        Assert.Equal([-0.5f, 2f], Run("LeakyRelu", 16, [OnnxValue.FromArray([-1f, 2f], 2)], Float("alpha", 0.5f)).ToArray<float>());
        Assert.Equal([-0.01f], Run("LeakyRelu", 16, [OnnxValue.FromArray([-1f], 1)]).ToArray<float>());
        Assert.Equal([0f, 0.5f, 1f], Run("HardSigmoid", 6, [OnnxValue.FromArray([-5f, 0f, 5f], 3)]).ToArray<float>());
        Assert.Equal([0f, 3f], Run("ThresholdedRelu", 10, [OnnxValue.FromArray([1f, 3f], 2)], Float("alpha", 2f)).ToArray<float>());
        float selu = Run("Selu", 6, [OnnxValue.FromArray([1f], 1)]).ToArray<float>()[0];
        Assert.Equal(1.0507009873554805f, selu, 1e-6f);
    }

    [Fact]
    public void Gelu_is_exact_or_the_tanh_estimate()
    {
        double exact = Run("Gelu", 20, [OnnxValue.FromArray([1.0], 1)]).ToArray<double>()[0];
        double estimate = Run("Gelu", 20, [OnnxValue.FromArray([1.0], 1)], String("approximate", "tanh")).ToArray<double>()[0];
        Assert.Equal(0.8413447460685429, exact, 1e-14);
        Assert.Equal(0.8411919906082768, estimate, 1e-14);
    }

    [Fact]
    public void Sigmoid_and_softplus_do_not_overflow()
    {
        Assert.Equal([0f, 1f], Run("Sigmoid", 13, [OnnxValue.FromArray([-1000f, 1000f], 2)]).ToArray<float>());
        Assert.Equal([0f, 1000f], Run("Softplus", 1, [OnnxValue.FromArray([-1000f, 1000f], 2)]).ToArray<float>());
    }

    [Fact]
    public void PRelu_broadcasts_the_slope_to_X_only()
    {
        OnnxValue x = OnnxValue.FromArray([-1f, -1f, 1f, -1f], 2, 2);
        Assert.Equal([-2f, -3f, 1f, -3f], Run("PRelu", 16, [x, OnnxValue.FromArray([2f, 3f], 2)]).ToArray<float>());
        Assert.Equal([-2, 5], Run("PRelu", 16, [OnnxValue.FromArray([-1, 5], 2), OnnxValue.FromArray([2], 1)]).ToArray<int>());

        var error = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("PRelu", 16, [x, OnnxValue.FromArray([1f, 2f, 3f], 3)]));
        Assert.Contains("input slope", error.Message);
    }

    [Fact]
    public void Shrink_applies_to_integers()
    {
        Assert.Equal([-1, 0, 0, 1], Run("Shrink", 9, [OnnxValue.FromArray([-2, -1, 1, 2], 4)], Float("lambd", 1.5f), Float("bias", 1f)).ToArray<int>());
    }

    [Fact]
    public void SwiGLU_gates_B_by_swish_of_A()
    {
        float[] result = Run("SwiGLU", 28, [OnnxValue.FromArray([0f, 1f], 2), OnnxValue.FromArray([3f, 2f], 2)]).ToArray<float>();
        Assert.Equal([0f, 2f / (1 + MathF.Exp(-1))], result);

        var error = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("SwiGLU", 28, [OnnxValue.FromArray([0f, 1f], 2), OnnxValue.FromArray([3f], 1)]));
        Assert.Contains("one shape", error.Message);
    }

    [Fact]
    public void Sixteen_bit_activations_round_back()
    {
        Assert.Equal([(BFloat16)(-0.5f)], Run("Elu", 22, [OnnxValue.FromArray([(BFloat16)(-10f)], 1)], Float("alpha", 0.5f)).ToArray<BFloat16>());
        Assert.Equal([(Half)0], Run("HardSwish", 22, [OnnxValue.FromArray([(Half)(-4)], 1)]).ToArray<Half>());
    }
}
