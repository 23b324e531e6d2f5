using Onyx.Runtime;
using static Onyx.Tests.Runtime.OnyxKernels.OnyxNodeModel;

namespace Onyx.Tests.Runtime.OnyxKernels;

public sealed class AttentionAndNormalizationKernelTests
{
    /// <summary>softmax(scale·q·kt + mask)·v per batch matrix, in double; the mask read through <paramref name="maskAt"/>(batch, row, column).</summary>
    private static double[] Attention(float[] q, float[] kt, float[] v, int batches, int s, int d, int t, int dv, float scale, Func<int, int, int, double> maskAt)
    {
        var y = new double[batches * s * dv];
        for (int b = 0; b < batches; b++)
        {
            for (int i = 0; i < s; i++)
            {
                var scores = new double[t];
                for (int j = 0; j < t; j++)
                {
                    double sum = 0;
                    for (int e = 0; e < d; e++)
                        sum += (double)q[(b * s + i) * d + e] * kt[(b * d + e) * t + j];
                    scores[j] = scale * sum + maskAt(b, i, j);
                }
                double max = scores.Max(), total = scores.Sum(x => System.Math.Exp(x - max));
                for (int c = 0; c < dv; c++)
                    y[(b * s + i) * dv + c] = Enumerable.Range(0, t).Sum(j => System.Math.Exp(scores[j] - max) / total * v[(b * t + j) * dv + c]);
            }
        }
        return y;
    }

    [Fact]
    public void Attention_with_a_key_padding_mask_broadcast_over_heads_and_rows()
    {
        const int batch = 2, heads = 3, s = 5, d = 7, t = 6, dv = 4;
        float[] q = Values(1, batch * heads * s * d), kt = Values(2, batch * heads * d * t), v = Values(3, batch * heads * t * dv), mask = Values(4, batch * t);

        float[] y = Run("ScaledDotProductAttention",
            [OnnxValue.FromArray(q, batch, heads, s, d), OnnxValue.FromArray(kt, batch, heads, d, t), OnnxValue.FromArray(v, batch, heads, t, dv), OnnxValue.FromArray(mask, batch, 1, 1, t)],
            Attribute.Create("scale", 0.4f));

        AssertClose(Attention(q, kt, v, batch * heads, s, d, t, dv, 0.4f, (b, _, j) => mask[b / heads * t + j]), y);
    }

    [Fact]
    public void Attention_with_a_causal_mask_of_rows_and_columns_only()
    {
        const int heads = 2, s = 4, d = 3;
        float[] q = Values(1, heads * s * d), kt = Values(2, heads * d * s), v = Values(3, heads * s * d);
        var mask = new float[s * s];
        for (int i = 0; i < s; i++)
            for (int j = i + 1; j < s; j++)
                mask[i * s + j] = float.NegativeInfinity;

        float[] y = Run("ScaledDotProductAttention",
            [OnnxValue.FromArray(q, heads, s, d), OnnxValue.FromArray(kt, heads, d, s), OnnxValue.FromArray(v, heads, s, d), OnnxValue.FromArray(mask, s, s)]);

        AssertClose(Attention(q, kt, v, heads, s, d, s, d, 1, (_, i, j) => mask[i * s + j]), y);
    }

    [Fact]
    public void Attention_without_mask_over_one_key_returns_its_value()
    {
        float[] y = Run("ScaledDotProductAttention",
            [OnnxValue.FromArray([1f, 2, 3, 4], 2, 2), OnnxValue.FromArray([5f, 6], 2, 1), OnnxValue.FromArray([7f, 8], 1, 2)]);

        Assert.Equal([7f, 8, 7, 8], y);
    }

    [Fact]
    public void Attention_fails_for_batch_dims_that_differ()
    {
        AssertFails(() => Run("ScaledDotProductAttention",
            [OnnxValue.FromArray(new float[12], 2, 3, 2), OnnxValue.FromArray(new float[6], 1, 2, 3), OnnxValue.FromArray(new float[6], 1, 3, 2)]), "same batch dims");
    }

    [Fact]
    public void Attention_fails_for_a_mask_that_does_not_broadcast()
    {
        AssertFails(() => Run("ScaledDotProductAttention",
            [OnnxValue.FromArray(new float[4], 2, 2), OnnxValue.FromArray(new float[6], 2, 3), OnnxValue.FromArray(new float[6], 3, 2), OnnxValue.FromArray(new float[2], 2)]),
            "input mask", "[2]", "[2,3]");
    }

    [Fact]
    public void Layer_normalization_normalizes_each_row_then_scales_and_shifts()
    {
        const int rows = 3, width = 11;
        float[] x = Values(1, rows * width), gamma = Values(2, width), beta = Values(3, width);

        float[] y = Run("LayerNormalization", [OnnxValue.FromArray(x, rows, width), OnnxValue.FromArray(gamma, width), OnnxValue.FromArray(beta, width)],
            Attribute.Create("epsilon", 1e-3f));

        var expected = new double[rows * width];
        for (int r = 0; r < rows; r++)
        {
            double mean = Enumerable.Range(0, width).Average(i => (double)x[r * width + i]);
            double variance = Enumerable.Range(0, width).Average(i => (x[r * width + i] - mean) * (x[r * width + i] - mean));
            for (int i = 0; i < width; i++)
                expected[r * width + i] = (x[r * width + i] - mean) / System.Math.Sqrt(variance + 1e-3) * gamma[i] + beta[i];
        }
        AssertClose(expected, y);
    }

    [Fact]
    public void Layer_normalization_fails_for_a_scale_that_is_not_a_row()
    {
        AssertFails(() => Run("LayerNormalization", [OnnxValue.FromArray(new float[6], 2, 3), OnnxValue.FromArray(new float[2], 2)]), "input Scale", "[2]", "[3]");
    }

    [Fact]
    public void Gelu_matches_the_tanh_estimate()
    {
        float[] x = [-3f, -1, -0.25f, 0, 0.5f, 2, 5];

        float[] y = Run("Gelu", [OnnxValue.FromArray(x, x.Length)], Attribute.Create("approximate", "tanh"));

        AssertClose([.. x.Select(v => 0.5 * v * (1 + System.Math.Tanh(System.Math.Sqrt(2 / System.Math.PI) * (v + 0.044715 * v * v * v))))], y);
    }

    [Fact]
    public void Gelu_rejects_double_input()
    {
        AssertFails(() => RunValue("Gelu", [OnnxValue.FromArray([1.0, 2.0], 2)]), "Gelu");
    }
}
