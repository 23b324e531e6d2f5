using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.NnKernels;

/// <summary>
/// LinearAttention and CausalConvWithState (opset 27) run through their function bodies; the expected values come
/// from the recurrences in Operators.md, computed directly here.
/// </summary>
public sealed class RecurrentStateOperatorTests
{
    private const int Batch = 1, Steps = 3, QueryHeads = 2, KvHeads = 1, KeySize = 2, ValueSize = 2;

    [Theory]
    [InlineData("linear")]
    [InlineData("gated")]
    [InlineData("delta")]
    [InlineData("gated_delta")]
    public void LinearAttention_follows_the_update_rule_with_grouped_query_heads_and_a_past_state(string rule)
    {
        float[] q = Sequence(Batch * Steps * QueryHeads * KeySize, 0.3f), k = Sequence(Batch * Steps * KvHeads * KeySize, -0.2f);
        float[] v = Sequence(Batch * Steps * KvHeads * ValueSize, 0.5f), past = Sequence(KvHeads * KeySize * ValueSize, 0.1f);
        float[] decay = [.. Sequence(Steps * KvHeads * KeySize, 0.7f).Select(x => -System.Math.Abs(x))];
        float[] beta = [0.25f, 0.5f, 0.75f];
        OnnxValue?[] inputs =
        [
            OnnxValue.FromArray(q, Batch, Steps, QueryHeads * KeySize), OnnxValue.FromArray(k, Batch, Steps, KvHeads * KeySize),
            OnnxValue.FromArray(v, Batch, Steps, KvHeads * ValueSize), OnnxValue.FromArray(past, Batch, KvHeads, KeySize, ValueSize),
            rule.StartsWith("gated") ? OnnxValue.FromArray(decay, Batch, Steps, KvHeads * KeySize) : null,
            rule.EndsWith("delta") ? OnnxValue.FromArray(beta, Batch, Steps, KvHeads) : null,
        ];

        OnnxValue[] results = Run("LinearAttention", 27, inputs, 2,
            Int("q_num_heads", QueryHeads), Int("kv_num_heads", KvHeads), String("update_rule", rule));

        (float[] output, float[] state) = Recurrence(rule, q, k, v, past, decay, beta);
        Assert.Equal([Batch, Steps, QueryHeads * ValueSize], results[0].Dims);
        AssertClose(output, results[0].ToArray<float>());
        Assert.Equal([Batch, KvHeads, KeySize, ValueSize], results[1].Dims);
        AssertClose(state, results[1].ToArray<float>());
    }

    [Fact]
    public void CausalConvWithState_convolves_past_and_current_positions_with_bias_and_silu()
    {
        float[] x = [1f, 2, 3, -1, -2, -3], weight = [0.5f, -1, 2, 1, 0.25f, -0.5f], bias = [0.1f, -0.2f], past = [4f, 5, -4, -5];

        OnnxValue[] results = Run("CausalConvWithState", 27,
            [OnnxValue.FromArray(x, 1, 2, 3), OnnxValue.FromArray(weight, 2, 1, 3), OnnxValue.FromArray(bias, 2), OnnxValue.FromArray(past, 1, 2, 2)],
            2, String("activation", "silu"));

        var expected = new float[6];
        for (int c = 0; c < 2; c++)
        {
            float[] padded = [past[2 * c], past[2 * c + 1], x[3 * c], x[3 * c + 1], x[3 * c + 2]];
            for (int t = 0; t < 3; t++)
            {
                double sum = bias[c];
                for (int j = 0; j < 3; j++)
                    sum += weight[3 * c + j] * padded[t + j];
                expected[3 * c + t] = (float)(sum / (1 + System.Math.Exp(-sum)));
            }
        }
        AssertClose(expected, results[0].ToArray<float>());
        Assert.Equal([1L, 2, 2], results[1].Dims);
        Assert.Equal([2f, 3, -2, -3], results[1].ToArray<float>());
    }

    [Fact]
    public void CausalConvWithState_shorter_than_the_kernel_keeps_past_values_in_the_present_state()
    {
        OnnxValue[] results = Run("CausalConvWithState", 27,
            [OnnxValue.FromArray([7f], 1, 1, 1), OnnxValue.FromArray([1f, 1, 1, 1], 1, 1, 4), null, OnnxValue.FromArray([1f, 2, 3], 1, 1, 3)], 2);

        Assert.Equal([13f], results[0].ToArray<float>());
        Assert.Equal([2f, 3, 7], results[1].ToArray<float>());
    }

    private static float[] Sequence(int count, float step) =>
        [.. Enumerable.Range(0, count).Select(i => (float)System.Math.Sin(1 + i * step))];

    /// <summary>The recurrence of Operators.md, LinearAttention, for one batch and one key/value head shared by every query head.</summary>
    private static (float[] Output, float[] State) Recurrence(string rule, float[] q, float[] k, float[] v, float[] past, float[] decay, float[] beta)
    {
        double[,] s = new double[KeySize, ValueSize];
        for (int a = 0; a < KeySize; a++)
            for (int b = 0; b < ValueSize; b++)
                s[a, b] = past[a * ValueSize + b];
        var output = new float[Steps * QueryHeads * ValueSize];
        double scale = 1 / System.Math.Sqrt(KeySize);
        for (int t = 0; t < Steps; t++)
        {
            if (rule.StartsWith("gated"))
                for (int a = 0; a < KeySize; a++)
                    for (int b = 0; b < ValueSize; b++)
                        s[a, b] *= System.Math.Exp(decay[t * KeySize + a]);
            for (int b = 0; b < ValueSize; b++)
            {
                double written = v[t * ValueSize + b];
                if (rule.EndsWith("delta"))
                {
                    double retrieved = 0;
                    for (int a = 0; a < KeySize; a++)
                        retrieved += s[a, b] * k[t * KeySize + a];
                    written = beta[t] * (written - retrieved);
                }
                for (int a = 0; a < KeySize; a++)
                    s[a, b] += k[t * KeySize + a] * written;
            }
            for (int h = 0; h < QueryHeads; h++)
                for (int b = 0; b < ValueSize; b++)
                {
                    double read = 0;
                    for (int a = 0; a < KeySize; a++)
                        read += q[(t * QueryHeads + h) * KeySize + a] * s[a, b];
                    output[(t * QueryHeads + h) * ValueSize + b] = (float)(scale * read);
                }
        }
        return (output, [.. s.Cast<double>().Select(x => (float)x)]);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(System.Math.Abs(expected[i] - actual[i]) <= 1e-5 + 1e-4 * System.Math.Abs(expected[i]), $"element {i}: expected {expected[i]}, got {actual[i]}");
    }
}
