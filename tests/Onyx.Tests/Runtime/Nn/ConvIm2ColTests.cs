using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.NnKernels;

/// <summary>Float Conv (column matrix times W by SGEMM) against a direct double convolution written here.</summary>
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
    public void Conv_wider_than_one_column_matrix_is_computed_in_column_tiles() =>
        AssertMatchesDirect([1, 64, 180, 182], [2, 64, 3, 3], 1, [1, 1], [1, 1], [1, 1, 1, 1], true);

    private static void AssertMatchesDirect(long[] xDims, long[] wDims, long group, long[] strides, long[] dilations, long[] pads, bool withBias)
    {
        var random = new Random(17);
        float[] x = Values(random, xDims), w = Values(random, wDims), b = Values(random, [wDims[0]]);
        OnnxValue?[] inputs = withBias
            ? [OnnxValue.FromArray(x, xDims), OnnxValue.FromArray(w, wDims), OnnxValue.FromArray(b, wDims[0])]
            : [OnnxValue.FromArray(x, xDims), OnnxValue.FromArray(w, wDims)];

        OnnxValue y = Run("Conv", 22, inputs, Int("group", group), Ints("strides", strides), Ints("dilations", dilations), Ints("pads", pads));

        (long[] dims, double[] expected) = Direct(xDims, wDims, group, strides, dilations, pads, x, w, withBias ? b : null);
        Assert.Equal(dims, y.Dims);
        float[] actual = y.ToArray<float>();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(System.Math.Abs(actual[i] - expected[i]) <= 1e-4 * (1 + System.Math.Abs(expected[i])), $"y[{i}] is {actual[i]}, expected {expected[i]}");
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
