using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.NnKernels;

/// <summary>
/// Float Conv (W times the column matrix by SGEMM) against a direct double convolution written here, with W and B fed
/// as inputs and as initializers (W packed when the session is built), the latter run twice (the second reusing
/// the windows of the first).
/// </summary>
public sealed class ConvIm2ColTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Conv_2d_with_padding_matches_the_direct_convolution(bool withBias) =>
        AssertMatchesDirect([1, 3, 7, 6], [4, 3, 3, 3], 1, [1, 1], [1, 1], [1, 1, 1, 1], withBias);

    [Fact]
    public void Conv_with_groups_matches_the_direct_convolution() =>
        AssertMatchesDirect([2, 6, 5, 5], [4, 3, 3, 2], 2, [1, 1], [1, 1], [0, 1, 1, 0], true);

    [Fact]
    public void Depthwise_conv_matches_the_direct_convolution() =>
        AssertMatchesDirect([1, 5, 8, 7], [10, 1, 3, 3], 5, [2, 1], [1, 1], [1, 1, 1, 1], true);

    [Fact]
    public void Conv_with_strides_and_dilations_matches_the_direct_convolution() =>
        AssertMatchesDirect([1, 2, 11, 12], [3, 2, 3, 2], 1, [2, 3], [2, 3], [0, 0, 0, 0], false);

    [Fact]
    public void Conv_with_asymmetric_pads_matches_the_direct_convolution() =>
        AssertMatchesDirect([1, 2, 6, 5], [2, 2, 2, 3], 1, [1, 2], [1, 1], [2, 0, 1, 3], true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pointwise_conv_reading_x_as_the_column_matrix_matches_the_direct_convolution(bool withBias) =>
        AssertMatchesDirect([3, 4, 5, 3], [6, 2, 1, 1], 2, [1, 1], [1, 1], [0, 0, 0, 0], withBias);

    [Fact]
    public void Pointwise_conv_with_a_stride_matches_the_direct_convolution() =>
        AssertMatchesDirect([1, 4, 5, 6], [3, 4, 1, 1], 1, [2, 2], [1, 1], [0, 0, 0, 0], true);

    [Fact]
    public void Conv_1d_matches_the_direct_convolution() =>
        AssertMatchesDirect([2, 3, 17], [5, 3, 4], 1, [2], [2], [3, 1], true);

    [Fact]
    public void Conv_3d_matches_the_direct_convolution() =>
        AssertMatchesDirect([2, 2, 5, 4, 6], [4, 1, 2, 3, 2], 2, [1, 2, 1], [2, 1, 1], [1, 0, 1, 0, 1, 1], true);

    [Fact]
    public void Conv_wide_and_deep_matches_the_direct_convolution() =>
        AssertMatchesDirect([1, 64, 180, 182], [2, 64, 3, 3], 1, [1, 1], [1, 1], [1, 1, 1, 1], true);

    [Fact]
    public void Conv_whose_windows_pass_the_budget_is_computed_in_column_tiles() =>
        AssertMatchesDirect([1, 1, 140, 140], [2, 1, 64, 64], 1, [1, 1], [1, 1], [0, 0, 0, 0], true);

    private static void AssertMatchesDirect(long[] xDims, long[] wDims, long group, long[] strides, long[] dilations, long[] pads, bool withBias)
    {
        var random = new Random(17);
        float[] x = Values(random, xDims), w = Values(random, wDims), b = Values(random, [wDims[0]]);
        OnnxValue?[] inputs = withBias
            ? [OnnxValue.FromArray(x, xDims), OnnxValue.FromArray(w, wDims), OnnxValue.FromArray(b, wDims[0])]
            : [OnnxValue.FromArray(x, xDims), OnnxValue.FromArray(w, wDims)];

        Attribute[] attributes = [Int("group", group), Ints("strides", strides), Ints("dilations", dilations), Ints("pads", pads)];
        OnnxValue y = Run("Conv", 22, inputs, attributes);

        (long[] dims, double[] expected) = Direct(xDims, wDims, group, strides, dilations, pads, x, w, withBias ? b : null);
        AssertClose(dims, expected, y);
        foreach (OnnxValue constant in RunWithConstantWeights(inputs, attributes))
            AssertClose(dims, expected, constant);
    }

    private static void AssertClose(long[] dims, double[] expected, OnnxValue y)
    {
        Assert.Equal(dims, y.Dims);
        float[] actual = y.ToArray<float>();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(System.Math.Abs(actual[i] - expected[i]) <= 1e-4 * (1 + System.Math.Abs(expected[i])), $"y[{i}] is {actual[i]}, expected {expected[i]}");
    }

    /// <summary>Conv with X an input and W (and B) initializers, run twice in one session.</summary>
    private static OnnxValue[] RunWithConstantWeights(OnnxValue?[] inputs, Attribute[] attributes)
    {
        var g = new GraphBuilder("g");
        OnnxValue x = inputs[0]!;
        string[] names = [g.AddInput("x", DataType.Float, [.. x.Dims.Select(d => (Dim)d)]),
            .. inputs.Skip(1).Select((v, i) => g.AddInitializer($"c{i}", v!.Tensor))];
        g.AddNode(new Node("Conv", names, ["y"]) { Name = "node" });
        foreach (Attribute attribute in attributes)
            g.Graph.Nodes[0].Attributes.Add(attribute);
        g.AddOutput(new ValueInfo("y"));
        Model model = g.ToModel(22);
        ShapeInference.InferShapes(model);
        var session = new InferenceSession(model, new SessionOptions { OptimizationLevel = GraphOptimizationLevel.DisableAll });
        var feeds = new Dictionary<string, OnnxValue> { ["x"] = x };
        return [session.Run(feeds)["y"], session.Run(feeds)["y"]];
    }

    private static float[] Values(Random random, long[] dims) =>
        [.. Enumerable.Range(0, (int)dims.Aggregate(1L, (p, d) => p * d)).Select(_ => (float)(random.NextDouble() * 2 - 1))];

    /// <summary>Y[n, oc, o…] = B[oc] + Σ X[n, ic, o·stride + k·dilation − pad] · W[oc, ic, k…] over the group's channels and kernel.</summary>
    private static (long[] Dims, double[] Y) Direct(long[] xDims, long[] wDims, long group, long[] strides, long[] dilations, long[] pads,
        float[] x, float[] w, float[]? b)
    {
        int rank = xDims.Length - 2, n = (int)xDims[0], c = (int)xDims[1], m = (int)wDims[0], groupIn = c / (int)group, groupOut = m / (int)group;
        long[] input = xDims[2..], kernel = wDims[2..];
        long[] output = [.. Enumerable.Range(0, rank).Select(i => (input[i] + pads[i] + pads[rank + i] - ((kernel[i] - 1) * dilations[i] + 1)) / strides[i] + 1)];
        int inSize = (int)input.Aggregate(1L, (p, d) => p * d), outSize = (int)output.Aggregate(1L, (p, d) => p * d);
        int kernelSize = (int)kernel.Aggregate(1L, (p, d) => p * d);
        var y = new double[n * m * outSize];
        var o = new long[rank];
        var k = new long[rank];
        for (int position = 0; position < outSize; position++)
        {
            Unravel(position, output, o);
            for (int image = 0; image < n; image++)
            {
                for (int oc = 0; oc < m; oc++)
                {
                    double sum = b?[oc] ?? 0;
                    for (int ic = 0; ic < groupIn; ic++)
                    {
                        int channel = oc / groupOut * groupIn + ic;
                        for (int kp = 0; kp < kernelSize; kp++)
                        {
                            Unravel(kp, kernel, k);
                            long offset = 0;
                            bool inside = true;
                            for (int i = 0; i < rank; i++)
                            {
                                long coordinate = o[i] * strides[i] + k[i] * dilations[i] - pads[i];
                                inside &= coordinate >= 0 && coordinate < input[i];
                                offset = offset * input[i] + coordinate;
                            }
                            if (inside)
                                sum += (double)x[(image * c + channel) * inSize + offset] * w[(oc * groupIn + ic) * kernelSize + kp];
                        }
                    }
                    y[(image * m + oc) * outSize + position] = sum;
                }
            }
        }
        return ([n, m, .. output], y);
    }

    private static void Unravel(int index, long[] dims, long[] coordinates)
    {
        for (int i = dims.Length - 1; i >= 0; i--)
        {
            coordinates[i] = index % dims[i];
            index = (int)(index / dims[i]);
        }
    }
}
