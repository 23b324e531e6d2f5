using Onyx.Runtime.Compute;
using static Onyx.Tests.Runtime.OnyxKernels.OnyxNodeModel;

namespace Onyx.Tests.Runtime.Compute;

/// <summary>
/// <see cref="DepthwiseConvolution"/> and <see cref="FloatPooling"/> against a direct reference in double, over odd plane
/// sizes, pads, strides and channel counts, with and without a clamp, and the same bits on 1 and 3 threads.
/// </summary>
public sealed class DepthwiseConvolutionTests
{
    private static DepthwiseConvolution.Geometry Geometry(int h, int w, int kernel, int stride, int padBegin, int padEnd)
    {
        int oh = (h + padBegin + padEnd - kernel) / stride + 1, ow = (w + padBegin + padEnd - kernel) / stride + 1;
        return new DepthwiseConvolution.Geometry(h, w, kernel, kernel, stride, stride, 1, 1, padBegin, padBegin, oh, ow);
    }

    /// <summary>Each output: bias + Σ over the window positions inside the input of x·w, clamped, in double.</summary>
    private static double[] Reference(DepthwiseConvolution.Geometry g, int planes, int channels, float[] x, float[] w, float[] bias, float min, float max)
    {
        var y = new double[planes * g.OutHeight * g.OutWidth];
        for (int plane = 0; plane < planes; plane++)
        {
            int c = plane % channels;
            for (int oh = 0; oh < g.OutHeight; oh++)
            {
                for (int ow = 0; ow < g.OutWidth; ow++)
                {
                    double sum = bias.Length == 0 ? 0 : bias[c];
                    for (int kh = 0; kh < g.KernelHeight; kh++)
                    {
                        for (int kw = 0; kw < g.KernelWidth; kw++)
                        {
                            int ih = oh * g.StrideHeight - g.PadTop + kh, iw = ow * g.StrideWidth - g.PadLeft + kw;
                            if (ih >= 0 && ih < g.InHeight && iw >= 0 && iw < g.InWidth)
                                sum += (double)x[(plane * g.InHeight + ih) * g.InWidth + iw] * w[(c * g.KernelHeight + kh) * g.KernelWidth + kw];
                        }
                    }
                    y[(plane * g.OutHeight + oh) * g.OutWidth + ow] = System.Math.Clamp(sum, min, max);
                }
            }
        }
        return y;
    }

    private static float[] Convolve(DepthwiseConvolution.Geometry g, int planes, int channels, float[] x, float[] w, float[] bias, float min, float max, int threads)
    {
        var y = new float[planes * g.OutHeight * g.OutWidth];
        DepthwiseConvolution.Convolve(g, planes, channels, x, w, bias, y, min, max, threads);
        return y;
    }

    public static TheoryData<int, int, int, int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int, int, int, int>();
        int channels = 1;
        foreach ((int h, int w) in new[] { (1, 1), (2, 3), (7, 7), (14, 14), (9, 30), (113, 113) })
        {
            foreach (int stride in new[] { 1, 2 })
            {
                foreach ((int padBegin, int padEnd) in new[] { (1, 1), (0, 0), (0, 1), (2, 2) })
                {
                    if (h + padBegin + padEnd < 3 || w + padBegin + padEnd < 3)
                        continue;
                    data.Add(h, w, stride, padBegin, padEnd, channels);
                    channels = channels % 17 + 1;
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Depthwise_3x3_matches_the_direct_sum_with_and_without_a_clamp_on_any_thread_count(int h, int w, int stride, int padBegin, int padEnd, int channels)
    {
        DepthwiseConvolution.Geometry g = Geometry(h, w, 3, stride, padBegin, padEnd);
        int planes = 2 * channels;
        float[] x = Values(1, planes * h * w), weights = Values(2, channels * 9), bias = Values(3, channels);
        foreach ((float min, float max) in new[] { (float.NegativeInfinity, float.PositiveInfinity), (0f, 6f), (-0.5f, 0.5f) })
        {
            float[] one = Convolve(g, planes, channels, x, weights, bias, min, max, 1);
            AssertClose(Reference(g, planes, channels, x, weights, bias, min, max), one);
            Assert.Equal(one, Convolve(g, planes, channels, x, weights, bias, min, max, 3));
        }
        float[] unbiased = Convolve(g, planes, channels, x, weights, [], float.NegativeInfinity, float.PositiveInfinity, 3);
        AssertClose(Reference(g, planes, channels, x, weights, [], float.NegativeInfinity, float.PositiveInfinity), unbiased);
    }

    [Theory]
    [InlineData(5, 1, 2)]
    [InlineData(2, 2, 1)]
    [InlineData(4, 3, 0)]
    public void Depthwise_of_other_kernels_matches_the_direct_sum_with_a_clamp_on_any_thread_count(int kernel, int stride, int pad)
    {
        DepthwiseConvolution.Geometry g = Geometry(23, 19, kernel, stride, pad, pad);
        const int channels = 5, planes = 10;
        float[] x = Values(4, planes * 23 * 19), weights = Values(5, channels * kernel * kernel), bias = Values(6, channels);
        float[] one = Convolve(g, planes, channels, x, weights, bias, 0, 6, 1);
        AssertClose(Reference(g, planes, channels, x, weights, bias, 0, 6), one);
        Assert.Equal(one, Convolve(g, planes, channels, x, weights, bias, 0, 6, 3));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Max_pool_3x3_matches_the_direct_max_and_propagates_nan(int h, int w, int stride, int padBegin, int padEnd, int channels)
    {
        DepthwiseConvolution.Geometry g = Geometry(h, w, 3, stride, padBegin, padEnd);
        int planes = channels + 1;
        float[] x = Values(10, planes * h * w);
        x[x.Length / 2] = float.NaN;
        var y = new float[planes * g.OutHeight * g.OutWidth];
        FloatPooling.Pool(g, padEnd, padEnd, false, false, planes, x, y, 1);
        for (int plane = 0; plane < planes; plane++)
        {
            for (int oh = 0; oh < g.OutHeight; oh++)
            {
                for (int ow = 0; ow < g.OutWidth; ow++)
                {
                    float max = float.NegativeInfinity;
                    for (int kh = 0; kh < 3; kh++)
                    {
                        for (int kw = 0; kw < 3; kw++)
                        {
                            int ih = oh * stride - padBegin + kh, iw = ow * stride - padBegin + kw;
                            if (ih >= 0 && ih < h && iw >= 0 && iw < w)
                                max = MathF.Max(max, x[(plane * h + ih) * w + iw]);
                        }
                    }
                    Assert.Equal(max, y[(plane * g.OutHeight + oh) * g.OutWidth + ow]);
                }
            }
        }
    }

    [Fact]
    public void Depthwise_clamp_keeps_NaN()
    {
        DepthwiseConvolution.Geometry g = Geometry(1, 20, 3, 1, 1, 1);
        float[] x = Values(7, 20);
        x[10] = float.NaN;
        float[] y = Convolve(g, 1, 1, x, Values(8, 9), [], 0, 6, 1);
        Assert.True(float.IsNaN(y[9]) && float.IsNaN(y[10]) && float.IsNaN(y[11]));
        Assert.All(y.Where(v => !float.IsNaN(v)), v => Assert.InRange(v, 0, 6));
    }

    [Fact]
    public void Depthwise_fails_for_spans_too_short_for_the_geometry()
    {
        DepthwiseConvolution.Geometry g = Geometry(7, 7, 3, 1, 1, 1);
        Assert.Throws<ArgumentException>(() => DepthwiseConvolution.Convolve(g, 2, 2, new float[97], new float[18], [], new float[98], 0, 6, 1));
    }

    [Theory]
    [InlineData(false, 3, 2, 1)]
    [InlineData(true, 3, 1, 1)]
    [InlineData(true, 2, 2, 0)]
    public void Pools_give_the_same_bits_on_1_and_3_threads(bool average, int kernel, int stride, int pad)
    {
        DepthwiseConvolution.Geometry g = Geometry(57, 57, kernel, stride, pad, pad);
        const int planes = 80;
        float[] x = Values(9, planes * 57 * 57);
        float[] one = new float[planes * g.OutHeight * g.OutWidth], three = new float[one.Length];
        FloatPooling.Pool(g, pad, pad, average, true, planes, x, one, 1);
        FloatPooling.Pool(g, pad, pad, average, true, planes, x, three, 3);
        Assert.Equal(one, three);
        float[] globalOne = new float[planes], globalThree = new float[planes];
        FloatPooling.Global(x, 57 * 57, average, globalOne, 1);
        FloatPooling.Global(x, 57 * 57, average, globalThree, 3);
        Assert.Equal(globalOne, globalThree);
        Assert.Equal(average ? x.AsSpan(57 * 57, 57 * 57).ToArray().Average() : x.AsSpan(57 * 57, 57 * 57).ToArray().Max(), globalOne[1], 4);
    }
}
