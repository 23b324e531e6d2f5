using Onyx.Runtime;
using Onyx.Runtime.Compute;
using static Onyx.Tests.Runtime.ReduceKernels.OneNodeRuns;
using static Onyx.Tests.Runtime.ReduceKernels.TestTensors;

namespace Onyx.Tests.Runtime.MathKernels;

/// <summary>
/// The float paths of the element-wise operators and Softmax against the same node computed in double (the generic
/// path) on the same values, over shapes with odd sizes so vector tails are exercised.
/// </summary>
public sealed class FloatElementwiseTests
{
    private static double[] Random(int count, int seed, double scale = 2)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (double)(float)((random.NextDouble() * 2 - 1) * scale))];
    }

    private static int Count(long[] dims) => (int)dims.Aggregate(1L, (a, b) => a * b);

    /// <summary>
    /// Every element within <paramref name="relative"/> of the double result, relatively, or within <paramref name="absolute"/>
    /// (NaN where it is NaN).
    /// </summary>
    private static void RelativelyClose(double[] expected, double[] actual, double relative, double absolute)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double e = (float)expected[i];
            Assert.True(e.Equals(actual[i]) || System.Math.Abs(e - actual[i]) <= relative * System.Math.Abs(e) + absolute, $"at {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    private static void FloatMatchesDouble(string opType, long opset, (double[] Values, long[] Dims)[] inputs, double relative, params Attribute[] attributes) =>
        FloatMatchesDouble(opType, opset, inputs, relative, 1e-37, attributes);

    private static void FloatMatchesDouble(string opType, long opset, (double[] Values, long[] Dims)[] inputs, double relative, double absolute, params Attribute[] attributes)
    {
        OnnxValue single = RunFed(opType, opset, [.. inputs.Select(i => Make(DataType.Float, i.Values, i.Dims))], attributes);
        OnnxValue wide = RunFed(opType, opset, [.. inputs.Select(i => Make(DataType.Double, i.Values, i.Dims))], attributes);
        Assert.Equal(wide.Tensor.Dims, single.Tensor.Dims);
        RelativelyClose(Read(wide.Tensor), Read(single.Tensor), relative, absolute);
    }

    public static TheoryData<string, long[], long[]> BroadcastShapes => new()
    {
        { "Add", [3, 5, 17], [3, 5, 17] },
        { "Sub", [3, 5, 17], [] },
        { "Sub", [1], [4, 9] },
        { "Mul", [2, 7, 33], [33] },
        { "Div", [2, 7, 33], [7, 1] },
        { "Add", [2, 3, 4, 5], [1, 3, 1, 1] },
        { "Sub", [4, 1, 6], [1, 5, 1] },
        { "Mul", [5, 1], [1, 19] },
        { "Div", [3], [2, 3] },
        { "Add", [0, 3], [3] },
        { "Mul", [2, 1, 3, 1, 5], [1, 4, 3, 2, 5] },
    };

    [Theory]
    [MemberData(nameof(BroadcastShapes))]
    public void Arithmetic_under_broadcasting_agrees_with_the_double_path(string op, long[] a, long[] b) =>
        FloatMatchesDouble(op, 14, [(Random(Count(a), 1), a), (Random(Count(b), 2), b)], 1e-7);

    [Theory]
    [InlineData("Relu", 13)]
    [InlineData("Sigmoid", 13)]
    [InlineData("Tanh", 13)]
    [InlineData("Exp", 13)]
    [InlineData("Neg", 13)]
    [InlineData("Abs", 13)]
    [InlineData("Erf", 13)]
    [InlineData("Gelu", 20)]
    public void Unary_functions_agree_with_the_double_path(string op, long opset)
    {
        foreach (int count in new[] { 1, 3, 8, 37, 1000 })
            FloatMatchesDouble(op, opset, [(Random(count, count, 6), [count])], 1e-6);
    }

    [Fact]
    public void Sqrt_agrees_with_the_double_path() =>
        FloatMatchesDouble("Sqrt", 13, [([.. Random(45, 3, 9).Select(System.Math.Abs)], [5, 9])], 1e-7);

    [Fact]
    public void Gelu_tanh_agrees_with_the_double_path_for_negative_inputs_too() =>
        FloatMatchesDouble("Gelu", 20, [([.. Random(301, 4, 9), -8, -5, -3], [304])], 1e-5, 1e-7, Attribute.Create("approximate", "tanh"));

    [Fact]
    public void Tanh_keeps_relative_precision_for_tiny_inputs() =>
        FloatMatchesDouble("Tanh", 13, [([1e-3, -2e-4, 7e-5, 1e-9, -1e-20, 0, 3e-38, 10, -30], [9])], 2e-7);

    [Fact]
    public void Erf_keeps_double_accuracy_rounded_to_float()
    {
        float[] x = [.. Enumerable.Range(-4000, 8001).Select(i => i / 1000f), 1e-30f, -1e-7f, 1e-3f];
        var y = new float[x.Length];
        ElementwiseErf.Erf(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = ElementwiseErf.Erf(x[i]);
            Assert.True(System.Math.Abs(expected - y[i]) <= 1.5e-7 * System.Math.Abs(expected), $"erf({x[i]}): expected {expected}, got {y[i]}");
        }
    }

    [Fact]
    public void Gelu_in_float_stays_within_seven_ulps_of_the_exact_value()
    {
        float[] x = [.. Enumerable.Range(-13500, 27001).Select(i => i / 1000f), 1e-30f, -1e-30f, -3e-8f, 0f];
        var y = new float[x.Length];
        ElementwiseErf.Gelu(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            // x·Φ(x), Φ from erfc in double where 1 + erf would cancel (x < 0: Φ(x) = erfc(|x|/√2)/2).
            double z = System.Math.Abs(x[i]) / System.Math.Sqrt(2), erfc = z < 3 ? 1 - ElementwiseErf.Erf(z) : ErfcByContinuedFraction(z);
            double expected = x[i] < 0 ? 0.5 * x[i] * erfc : 0.5 * x[i] * (2 - erfc);
            // Past x = −13.2 the result is a denormal (ulp 1.4e-45): there the bound is seven of those.
            double bound = System.Math.Max(7e-7 * System.Math.Abs(expected), 7 * float.Epsilon);
            Assert.True(System.Math.Abs(expected - y[i]) <= bound, $"gelu({x[i]}): expected {expected}, got {y[i]}");
        }
        float[] special = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -20];
        var ys = new float[special.Length];
        ElementwiseErf.Gelu(special, ys);
        Assert.Equal([float.NaN, float.PositiveInfinity, float.NaN, 0f], ys);
    }

    private static double ErfcByContinuedFraction(double z)
    {
        double fraction = z;
        for (int k = 200; k >= 1; k--)
            fraction = z + k / 2.0 / fraction;
        return System.Math.Exp(-z * z) / System.Math.Sqrt(System.Math.PI) / fraction;
    }

    [Fact]
    public void Relu_erf_and_tanh_keep_nan_and_infinities()
    {
        double[] x = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0];
        Assert.Equal([double.NaN, double.PositiveInfinity, 0, 0], Read(RunOne("Relu", 13, [Make(DataType.Float, x, 4)]).Tensor));
        Assert.Equal([double.NaN, 1, -1, 0], Read(RunOne("Erf", 13, [Make(DataType.Float, x, 4)]).Tensor));
        Assert.Equal([double.NaN, 1, -1, 0], Read(RunOne("Tanh", 13, [Make(DataType.Float, x, 4)]).Tensor));
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(0.5)]
    public void Pow_by_a_small_scalar_agrees_with_the_double_path(double exponent)
    {
        double[] x = [.. Random(23, 5, 4).Select(v => exponent == 0.5 ? System.Math.Abs(v) : v)];
        FloatMatchesDouble("Pow", 15, [(x, [23]), ([exponent], [])], 1e-6);
    }

    [Fact]
    public void Pow_by_one_half_of_minus_zero_and_minus_infinity_follows_pow()
    {
        double[] y = Read(RunFed("Pow", 15, [Make(DataType.Float, [-0.0, double.NegativeInfinity, 4], 3), Make(DataType.Float, [0.5])]).Tensor);
        Assert.Equal([0, double.PositiveInfinity, 2], y);
        Assert.False(double.IsNegative(y[0]));
    }

    [Fact]
    public void Clip_agrees_with_the_double_path_with_either_bound()
    {
        double[] x = Random(41, 6, 3);
        FloatMatchesDouble("Clip", 13, [(x, [41]), ([-1], []), ([0.5], [])], 0);
        FloatMatchesDouble("Clip", 13, [(x, [41]), ([-1], [])], 0);
        double[] y = Read(RunOne("Clip", 13, [Make(DataType.Float, [double.NaN, 5], 2), null, Make(DataType.Float, [1.0])]).Tensor);
        Assert.True(double.IsNaN(y[0]));
        Assert.Equal(1, y[1]);
    }

    [Theory]
    [InlineData("Softmax", 13, -1)]
    [InlineData("LogSoftmax", 13, -1)]
    [InlineData("Hardmax", 13, -1)]
    [InlineData("Softmax", 11, 1)]
    [InlineData("LogSoftmax", 11, 0)]
    public void Softmax_rows_agree_with_the_double_path(string op, long opset, long axis)
    {
        FloatMatchesDouble(op, opset, [(Random(3 * 5 * 37, 7, 20), [3, 5, 37])], 1e-5, 1e-7, Attribute.Create("axis", axis));
        FloatMatchesDouble(op, opset, [(Random(2 * 3, 8, 20), [2, 1, 3])], 1e-5, 1e-7, Attribute.Create("axis", axis));
    }

    [Fact]
    public void Softmax_of_a_row_of_minus_infinity_is_nan_and_log_softmax_of_large_values_stays_finite()
    {
        double[] y = Read(RunOne("Softmax", 13, [Make(DataType.Float, [double.NegativeInfinity, double.NegativeInfinity, 0, 1], 2, 2)]).Tensor);
        Assert.True(double.IsNaN(y[0]) && double.IsNaN(y[1]));
        Assert.Equal(1, y[2] + y[3], 6);
        double[] log = Read(RunOne("LogSoftmax", 13, [Make(DataType.Float, [1000, 1000], 1, 2)]).Tensor);
        Assert.Equal(-System.Math.Log(2), log[0], 6);
    }

    [Fact]
    public void Softmax_of_an_empty_tensor_is_empty() =>
        Assert.Equal([4L, 0L], RunOne("Softmax", 13, [Make(DataType.Float, [], 4, 0)]).Tensor.Dims);
}
