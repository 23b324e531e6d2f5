using Onyx.Runtime;
using static Onyx.Tests.Runtime.OnyxKernels.OnyxNodeModel;

namespace Onyx.Tests.Runtime.OnyxKernels;

/// <summary>The kernels that split rows, planes or matrices over the intra-op threads give the same bits on 1 and 3 threads.</summary>
public sealed class ThreadCountInvarianceTests
{
    private static void SameOnOneAndThreeThreads(string domain, string opType, OnnxValue?[] inputs, params Attribute[] attributes)
    {
        float[] one = RunOnThreads(domain, opType, 1, inputs, attributes).ToArray<float>();
        float[] three = RunOnThreads(domain, opType, 3, inputs, attributes).ToArray<float>();
        Assert.Equal(one, three);
    }

    [Fact]
    public void Attention_with_a_mask_is_the_same_on_1_and_3_threads()
    {
        const int batch = 2, heads = 5, s = 33, d = 16, t = 40, dv = 24;
        SameOnOneAndThreeThreads(OperatorDomains.Onyx, "ScaledDotProductAttention",
            [OnnxValue.FromArray(Values(1, batch * heads * s * d), batch, heads, s, d), OnnxValue.FromArray(Values(2, batch * heads * d * t), batch, heads, d, t),
                OnnxValue.FromArray(Values(3, batch * heads * t * dv), batch, heads, t, dv), OnnxValue.FromArray(Values(4, batch * t), batch, 1, 1, t)],
            Attribute.Create("scale", 0.25f));
    }

    [Fact]
    public void Attention_of_one_query_row_per_head_is_the_same_on_1_and_3_threads()
    {
        const int heads = 12, d = 64, t = 129;
        SameOnOneAndThreeThreads(OperatorDomains.Onyx, "ScaledDotProductAttention",
            [OnnxValue.FromArray(Values(1, heads * d), 1, heads, 1, d), OnnxValue.FromArray(Values(2, heads * d * t), 1, heads, d, t),
                OnnxValue.FromArray(Values(3, heads * t * d), 1, heads, t, d)]);
    }

    [Fact]
    public void Layer_normalization_is_the_same_on_1_and_3_threads()
    {
        const int rows = 301, width = 768;
        SameOnOneAndThreeThreads(OperatorDomains.Onyx, "LayerNormalization",
            [OnnxValue.FromArray(Values(1, rows * width), rows, width), OnnxValue.FromArray(Values(2, width), width), OnnxValue.FromArray(Values(3, width), width)]);
    }

    [Theory]
    [InlineData("Softmax")]
    [InlineData("LogSoftmax")]
    public void Softmax_rows_are_the_same_on_1_and_3_threads(string opType) =>
        SameOnOneAndThreeThreads("", opType, [OnnxValue.FromArray(Values(1, 12 * 129 * 129), 12, 129, 129)]);

    [Theory]
    [InlineData("MaxPool")]
    [InlineData("AveragePool")]
    public void Windowed_pools_are_the_same_on_1_and_3_threads(string opType) =>
        SameOnOneAndThreeThreads("", opType, [OnnxValue.FromArray(Values(1, 2 * 40 * 57 * 57), 2, 40, 57, 57)],
            Attribute.Create("kernel_shape", new long[] { 3, 3 }), Attribute.Create("strides", new long[] { 2, 2 }), Attribute.Create("pads", new long[] { 1, 1, 1, 1 }));

    [Fact]
    public void Global_average_pool_is_the_same_on_1_and_3_threads() =>
        SameOnOneAndThreeThreads("", "GlobalAveragePool", [OnnxValue.FromArray(Values(1, 2 * 640 * 49), 2, 640, 7, 7)]);
}
