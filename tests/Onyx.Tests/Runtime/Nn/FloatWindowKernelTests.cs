using Onyx.Runtime;
using static Onyx.Tests.Runtime.ReduceKernels.OneNodeRuns;
using static Onyx.Tests.Runtime.ReduceKernels.TestTensors;

namespace Onyx.Tests.Runtime.NnKernels;

/// <summary>
/// The float paths of depthwise Conv, the pools and the row normalizations against the same node computed in double
/// (the generic path) on the same values: they agree to float rounding.
/// </summary>
public sealed class FloatWindowKernelTests
{
    private static double[] Random(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => System.Math.Round(random.NextDouble() * 4 - 2, 6))];
    }

    /// <summary>Runs the node on float and on double copies of <paramref name="inputs"/> and asserts output j agrees.</summary>
    private static void FloatMatchesDouble(string opType, long opset, (double[] Values, long[] Dims)[] inputs, int outputs, params Attribute[] attributes)
    {
        OnnxValue[] single = Run(opType, opset, [.. inputs.Select(i => Make(DataType.Float, i.Values, i.Dims))], [.. Enumerable.Repeat(DataType.Float, outputs)], attributes);
        OnnxValue[] wide = Run(opType, opset, [.. inputs.Select(i => Make(DataType.Double, i.Values, i.Dims))], [.. Enumerable.Repeat(DataType.Double, outputs)], attributes);
        for (int j = 0; j < outputs; j++)
        {
            Assert.Equal(wide[j].Tensor.Dims, single[j].Tensor.Dims);
            Close(Read(wide[j].Tensor), Read(single[j].Tensor), 1e-5);
        }
    }

    [Theory]
    [InlineData(1, 5, 7, 9, 3, 3, 1, 1, 1, 1, 1, 1, true)]
    [InlineData(2, 3, 12, 13, 3, 3, 2, 2, 1, 1, 1, 1, true)]
    [InlineData(1, 4, 11, 17, 3, 3, 2, 2, 1, 1, 1, 1, false)]
    [InlineData(1, 2, 9, 21, 5, 3, 1, 3, 2, 1, 1, 2, true)]
    [InlineData(1, 3, 8, 30, 3, 5, 1, 1, 0, 2, 2, 2, false)]
    [InlineData(1, 2, 3, 3, 5, 5, 1, 1, 2, 2, 1, 1, true)]
    [InlineData(1, 16, 14, 40, 3, 3, 1, 1, 1, 1, 1, 1, true)]
    public void Depthwise_conv_agrees_with_the_double_path(int n, int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, bool bias)
    {
        var inputs = new List<(double[], long[])> { (Random(n * c * h * w, 1), [n, c, h, w]), (Random(c * kh * kw, 2), [c, 1, kh, kw]) };
        if (bias)
            inputs.Add((Random(c, 3), [c]));
        FloatMatchesDouble("Conv", 13, [.. inputs], 1, Attribute.Create("group", (long)c), Attribute.Create("strides", new long[] { sh, sw }),
            Attribute.Create("pads", new long[] { ph, pw, ph + 1, pw }), Attribute.Create("dilations", new long[] { dh, dw }));
    }

    [Fact]
    public void Depthwise_conv_with_same_upper_padding_agrees_with_the_double_path() =>
        FloatMatchesDouble("Conv", 13, [(Random(2 * 3 * 10 * 11, 4), [2, 3, 10, 11]), (Random(3 * 9, 5), [3, 1, 3, 3])], 1,
            Attribute.Create("group", 3L), Attribute.Create("strides", new long[] { 2, 2 }), Attribute.Create("auto_pad", "SAME_UPPER"));

    [Theory]
    [InlineData("MaxPool", 3, 3, 2, 2, 1, 1, 0, 0)]
    [InlineData("MaxPool", 2, 2, 2, 2, 0, 0, 1, 0)]
    [InlineData("MaxPool", 3, 2, 1, 3, 1, 0, 0, 0)]
    [InlineData("MaxPool", 2, 2, 30, 30, 4, 4, 0, 0)]
    [InlineData("AveragePool", 3, 3, 1, 1, 1, 1, 0, 0)]
    [InlineData("AveragePool", 3, 3, 2, 2, 1, 1, 0, 1)]
    [InlineData("AveragePool", 2, 3, 2, 1, 1, 1, 1, 1)]
    [InlineData("AveragePool", 5, 5, 3, 3, 2, 2, 1, 0)]
    [InlineData("AveragePool", 3, 3, 1, 1, 1, 1, 0, 1)]
    [InlineData("AveragePool", 3, 3, 2, 2, 1, 1, 1, 0)]
    [InlineData("AveragePool", 13, 19, 1, 1, 0, 0, 0, 0)]
    [InlineData("MaxPool", 13, 19, 1, 1, 0, 0, 0, 0)]
    public void Windowed_pools_agree_with_the_double_path(string op, int kh, int kw, int sh, int sw, int ph, int pw, int ceil, int includePad)
    {
        var attributes = new List<Attribute>
        {
            Attribute.Create("kernel_shape", new long[] { kh, kw }), Attribute.Create("strides", new long[] { sh, sw }),
            Attribute.Create("pads", new long[] { ph, pw, ph, pw }), Attribute.Create("ceil_mode", (long)ceil),
        };
        if (op == "AveragePool")
            attributes.Add(Attribute.Create("count_include_pad", (long)includePad));
        FloatMatchesDouble(op, 19, [(Random(2 * 3 * 13 * 19, 6), [2, 3, 13, 19])], 1, [.. attributes]);
    }

    [Theory]
    [InlineData(new long[] { 2, 5, 6, 7 })]
    [InlineData(new long[] { 3, 4 })]
    [InlineData(new long[] { 1, 3, 2, 3, 5 })]
    public void Batch_normalization_in_inference_agrees_with_the_double_path(long[] dims)
    {
        int channels = (int)dims[1];
        double[] variance = [.. Random(channels, 11).Select(v => System.Math.Abs(v) + 0.1)];
        FloatMatchesDouble("BatchNormalization", 15, [(Random((int)dims.Aggregate(1L, (a, b) => a * b), 7), dims), (Random(channels, 8), [channels]),
            (Random(channels, 9), [channels]), (Random(channels, 10), [channels]), (variance, [channels])], 1, Attribute.Create("epsilon", 1e-3f));
    }

    [Fact]
    public void Batch_normalization_with_constant_statistics_agrees_with_the_formula()
    {
        float[] scale = [1.5f, -0.5f, 2f], bias = [0.1f, 0.2f, -0.3f], mean = [0.3f, -0.2f, 1f], variance = [2f, 0.5f, 1f];
        double[] xs = Random(2 * 3 * 4 * 5, 13);
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3, 4, 5);
        string y = g.AddNode("BatchNormalization", [x, g.AddInitializer("scale", Tensor.FromArray(scale, 3)), g.AddInitializer("bias", Tensor.FromArray(bias, 3)),
            g.AddInitializer("mean", Tensor.FromArray(mean, 3)), g.AddInitializer("var", Tensor.FromArray(variance, 3))], Attribute.Create("epsilon", 1e-3f));
        g.AddOutput(y, DataType.Float, 2, 3, 4, 5);
        var session = new InferenceSession(g.ToModel(15), new SessionOptions { OptimizationLevel = GraphOptimizationLevel.DisableAll });

        float[] actual = session.Run(new Dictionary<string, OnnxValue> { ["x"] = OnnxValue.FromArray(xs.Select(v => (float)v).ToArray(), 2, 3, 4, 5) })[y].ToArray<float>();

        double[] expected = [.. xs.Select((v, i) => i / 20 % 3 is var c ? scale[c] * ((float)v - mean[c]) / System.Math.Sqrt(variance[c] + 1e-3f) + bias[c] : 0)];
        Close(expected, [.. actual.Select(v => (double)v)], 1e-5);
    }

    [Theory]
    [InlineData(5, 0.75f, 1f)]
    [InlineData(3, 0.5f, 2f)]
    [InlineData(4, 1f, 1f)]
    [InlineData(5, 0.6f, 1.5f)]
    public void Lrn_agrees_with_the_double_path(long size, float beta, float bias) =>
        FloatMatchesDouble("LRN", 13, [(Random(2 * 7 * 5 * 6, 12), [2, 7, 5, 6])], 1, Attribute.Create("size", size), Attribute.Create("beta", beta),
            Attribute.Create("bias", bias), Attribute.Create("alpha", 0.3f));

    [Fact]
    public void Dilated_max_pool_agrees_with_the_double_path() =>
        FloatMatchesDouble("MaxPool", 12, [(Random(1 * 2 * 15 * 15, 7), [1, 2, 15, 15])], 1, Attribute.Create("kernel_shape", new long[] { 3, 3 }),
            Attribute.Create("dilations", new long[] { 2, 3 }), Attribute.Create("strides", new long[] { 2, 1 }), Attribute.Create("pads", new long[] { 2, 2, 2, 2 }));

    [Fact]
    public void Max_pool_propagates_nan()
    {
        double[] x = Random(16, 8);
        x[5] = double.NaN;
        double[] y = Read(RunOne("MaxPool", 13, [Make(DataType.Float, x, 1, 1, 4, 4)], Attribute.Create("kernel_shape", new long[] { 2, 2 }),
            Attribute.Create("strides", new long[] { 2, 2 })).Tensor);
        Assert.True(double.IsNaN(y[0]));
        Assert.All(y[1..], v => Assert.False(double.IsNaN(v)));
    }

    [Theory]
    [InlineData("GlobalMaxPool")]
    [InlineData("GlobalAveragePool")]
    public void Global_pools_agree_with_the_double_path(string op)
    {
        FloatMatchesDouble(op, 13, [(Random(2 * 5 * 7 * 9, 9), [2, 5, 7, 9])], 1);
        FloatMatchesDouble(op, 13, [(Random(3 * 33, 10), [1, 3, 33])], 1);
    }

    [Fact]
    public void Global_pools_of_empty_planes_give_minus_infinity_and_nan()
    {
        Assert.Equal([double.NegativeInfinity, double.NegativeInfinity], Read(RunOne("GlobalMaxPool", 13, [Make(DataType.Float, [], 1, 2, 0)]).Tensor));
        Assert.All(Read(RunOne("GlobalAveragePool", 13, [Make(DataType.Float, [], 1, 2, 0)]).Tensor), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Global_max_pool_is_nan_where_a_plane_holds_a_nan_in_its_vectors_or_its_tail()
    {
        double[] values = [.. Enumerable.Range(0, 3 * 20).Select(i => (double)(i % 20))];
        values[2] = double.NaN;
        values[20 + 18] = double.NaN;
        double[] maxima = Read(RunOne("GlobalMaxPool", 13, [Make(DataType.Float, values, 1, 3, 20)]).Tensor);
        Assert.True(double.IsNaN(maxima[0]) && double.IsNaN(maxima[1]));
        Assert.Equal(19, maxima[2]);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(-1, 1)]
    [InlineData(1, 3)]
    public void Layer_normalization_and_its_statistics_agree_with_the_double_path(long axis, int outputs)
    {
        long[] dims = [2, 3, 37];
        int row = axis == -1 ? 37 : 3 * 37;
        long[] rowDims = axis == -1 ? [37] : [3, 37];
        FloatMatchesDouble("LayerNormalization", 17, [(Random(2 * 3 * 37, 11), dims), (Random(row, 12), rowDims), (Random(row, 13), rowDims)], outputs,
            Attribute.Create("axis", axis));
        FloatMatchesDouble("LayerNormalization", 17, [(Random(2 * 3 * 37, 14), dims), (Random(row, 15), rowDims)], 1, Attribute.Create("axis", axis));
    }

    [Fact]
    public void Rms_normalization_agrees_with_the_double_path() =>
        FloatMatchesDouble("RMSNormalization", 23, [(Random(4 * 29, 16), [4, 29]), (Random(29, 17), [29])], 1);

    [Fact]
    public void Layer_normalization_with_a_constant_row_gives_the_bias()
    {
        double[] y = Read(Run("LayerNormalization", 17, [Make(DataType.Float, [3, 3, 3, 3], 1, 4), Make(DataType.Float, [2, 2, 2, 2], 4),
            Make(DataType.Float, [1, 2, 3, 4], 4)], [DataType.Float])[0].Tensor);
        Assert.Equal([1, 2, 3, 4], y);
    }
}
