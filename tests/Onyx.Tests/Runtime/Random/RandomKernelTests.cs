using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.RandomKernels;

public sealed class RandomKernelTests
{
    [Fact]
    public void Seeded_uniform_draws_repeat_and_stay_in_range()
    {
        Attribute[] attributes = [Ints("shape", 2, 500), Attribute.Create("low", 2f), Attribute.Create("high", 3f), Attribute.Create("seed", 7f)];
        float[] first = Run("RandomUniform", 22, [], attributes).ToArray<float>();
        float[] second = Run("RandomUniform", 22, [], attributes).ToArray<float>();

        Assert.Equal(first, second);
        Assert.All(first, v => Assert.InRange(v, 2f, 3f));
        Assert.InRange(first.Average(), 2.45, 2.55);
    }

    [Fact]
    public void Unseeded_draws_differ_between_runs()
    {
        float[] first = Run("RandomUniform", 22, [], Ints("shape", 64)).ToArray<float>();
        float[] second = Run("RandomUniform", 22, [], Ints("shape", 64)).ToArray<float>();
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Normal_like_takes_the_input_shape_and_the_dtype()
    {
        OnnxValue y = Run("RandomNormalLike", 22, [OnnxValue.FromArray(new float[4000], 40, 100)],
            Int("dtype", (long)DataType.Double), Attribute.Create("mean", 5f), Attribute.Create("scale", 2f), Attribute.Create("seed", 1f));
        Assert.Equal(DataType.Double, y.ElementType);
        Assert.Equal([40L, 100], y.Dims);
        double[] values = y.ToArray<double>();
        double mean = values.Average(), deviation = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(mean, 4.85, 5.15);
        Assert.InRange(deviation, 1.85, 2.15);
    }

    [Fact]
    public void Uniform_like_of_float16_keeps_the_type()
    {
        OnnxValue y = Run("RandomUniformLike", 22, [OnnxValue.FromArray(new Half[3], 3)]);
        Assert.Equal(DataType.Float16, y.ElementType);
        Assert.All(y.ToArray<Half>(), v => Assert.InRange((float)v, 0f, 1f));
    }

    [Fact]
    public void Bernoulli_draws_ones_with_the_given_probability()
    {
        OnnxValue y = Run("Bernoulli", 22, [OnnxValue.FromArray([.. Enumerable.Repeat(0f, 50), .. Enumerable.Repeat(1f, 50), .. Enumerable.Repeat(0.25f, 4000)], 4100)],
            Attribute.Create("seed", 3f), Int("dtype", (long)DataType.Bool));
        bool[] values = y.ToArray<bool>();
        Assert.All(values[..50], Assert.False);
        Assert.All(values[50..100], Assert.True);
        Assert.InRange(values[100..].Count(v => v), 900, 1100);
    }

    [Fact]
    public void Multinomial_samples_only_classes_with_weight()
    {
        // Class 1 has log-probability 0, the others −∞-like: every sample is class 1.
        OnnxValue y = Run("Multinomial", 22, [OnnxValue.FromArray(new[] { -1000f, 0f, -1000f, 0f, -1000f, -1000f }, 2, 3)],
            Int("sample_size", 5), Int("dtype", (long)DataType.Int64), Attribute.Create("seed", 2f));
        Assert.Equal([2L, 5], y.Dims);
        Assert.Equal([1L, 1, 1, 1, 1, 0, 0, 0, 0, 0], y.ToArray<long>());
    }

    [Fact]
    public void A_bad_range_or_dtype_is_rejected()
    {
        var e = Assert.ThrowsAny<OnyxException>(() => Run("RandomUniform", 22, [], Ints("shape", 2), Attribute.Create("low", 3f), Attribute.Create("high", 1f)));
        Assert.Contains("low", e.Message);
        e = Assert.ThrowsAny<OnyxException>(() => Run("Bernoulli", 22, [OnnxValue.FromArray(new[] { 1.5f }, 1)]));
        Assert.Contains("probability", e.Message);
    }
}
