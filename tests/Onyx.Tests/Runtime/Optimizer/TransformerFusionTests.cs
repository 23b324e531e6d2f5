using Onyx.Runtime;
using static Onyx.Tests.Runtime.Fusion.FusionModel;

namespace Onyx.Tests.Runtime.Fusion;

/// <summary>
/// LayerNormalization and attention fusions, on their own and in a two-layer BERT-like encoder (hidden 64, 4 heads)
/// written the way PyTorch exports it: MatMul + Add projections, Reshape/Transpose to heads, MatMul, Div by √D, Add of
/// the mask, Softmax, MatMul, Gelu through erf, LayerNormalization decomposed before opset 17.
/// </summary>
public sealed class TransformerFusionTests
{
    private const int Batch = 2, Sequence = 5, Hidden = 64, Heads = 4, HeadSize = 16, Intermediate = 128;

    private static string Scalar(GraphBuilder g, string name, float value) => g.AddInitializer(name, Tensor.FromArray([value]));

    private static string Axes(GraphBuilder g, long opset, string name) => opset >= 18 ? g.AddInitializer(name, Tensor.FromArray([-1L])) : "";

    /// <summary>LayerNorm over the last axis, decomposed (opset below 17 or <paramref name="decomposed"/>) or standard.</summary>
    private static string LayerNorm(GraphBuilder g, string x, string prefix, long opset, bool decomposed)
    {
        string gamma = g.AddInitializer($"{prefix}.gamma", Random(prefix.Length + 7, Hidden)), beta = g.AddInitializer($"{prefix}.beta", Random(prefix.Length + 8, Hidden));
        if (!decomposed)
            return g.AddNode("LayerNormalization", [x, gamma, beta], Attribute.Create("epsilon", 1e-12f));
        string ReduceMean(string input)
        {
            string axes = Axes(g, opset, $"{prefix}.axes{input.Length}");
            return axes.Length > 0 ? g.AddNode("ReduceMean", [input, axes]) : g.AddNode("ReduceMean", [input], Attribute.Create("axes", [-1L]));
        }
        string d = g.AddNode("Sub", [x, ReduceMean(x)]);
        string variance = ReduceMean(g.AddNode("Pow", [d, Scalar(g, $"{prefix}.two", 2f)]));
        string normalized = g.AddNode("Div", [d, g.AddNode("Sqrt", [g.AddNode("Add", [variance, Scalar(g, $"{prefix}.eps", 1e-12f)])])]);
        return g.AddNode("Add", [g.AddNode("Mul", [normalized, gamma]), beta]);
    }

    private static string Dense(GraphBuilder g, string x, string prefix, int seed, long input, long output) =>
        g.AddNode("Add", [g.AddNode("MatMul", [x, g.AddInitializer($"{prefix}.w", Random(seed, input, output))]), g.AddInitializer($"{prefix}.b", Random(seed + 1, output))]);

    private static string Heads4(GraphBuilder g, string x, string shape, long[] perm) => g.AddNode("Transpose", [g.AddNode("Reshape", [x, shape])], Attribute.Create("perm", perm));

    private static string Layer(GraphBuilder g, string x, string mask, int layer, long opset, bool decomposedNorm)
    {
        string p = $"layer{layer}";
        string heads = g.AddInitializer($"{p}.heads", Tensor.FromArray([0L, 0, Heads, HeadSize]));
        string q = Heads4(g, Dense(g, x, $"{p}.q", 10 * layer + 1, Hidden, Hidden), heads, [0, 2, 1, 3]);
        string kt = Heads4(g, Dense(g, x, $"{p}.k", 10 * layer + 3, Hidden, Hidden), heads, [0, 2, 3, 1]);
        string v = Heads4(g, Dense(g, x, $"{p}.v", 10 * layer + 5, Hidden, Hidden), heads, [0, 2, 1, 3]);
        string scores = g.AddNode("Add", [g.AddNode("Div", [g.AddNode("MatMul", [q, kt]), Scalar(g, $"{p}.sqrtd", 4f)]), mask]);
        string context = g.AddNode("MatMul", [g.AddNode("Softmax", [scores], Attribute.Create("axis", -1L)), v]);
        string merged = g.AddNode("Reshape", [g.AddNode("Transpose", [context], Attribute.Create("perm", [0L, 2, 1, 3])), g.AddInitializer($"{p}.merge", Tensor.FromArray([0L, 0, Hidden]))]);
        string attended = LayerNorm(g, g.AddNode("Add", [Dense(g, merged, $"{p}.o", 10 * layer + 7, Hidden, Hidden), x]), $"{p}.ln1", opset, decomposedNorm);
        string h = Dense(g, attended, $"{p}.ffn1", 10 * layer + 9, Hidden, Intermediate);
        string erf = g.AddNode("Erf", [g.AddNode("Div", [h, Scalar(g, $"{p}.sqrt2", 1.4142135f)])]);
        string gelu = g.AddNode("Mul", [g.AddNode("Mul", [h, g.AddNode("Add", [erf, Scalar(g, $"{p}.one", 1f)])]), Scalar(g, $"{p}.half", 0.5f)]);
        string output = g.AddNode("Add", [Dense(g, gelu, $"{p}.ffn2", 10 * layer + 11, Intermediate, Hidden), attended]);
        return LayerNorm(g, output, $"{p}.ln2", opset, decomposedNorm);
    }

    private static Model Encoder(long opset, bool decomposedNorm)
    {
        var g = new GraphBuilder("bert");
        string x = g.AddInput("x", DataType.Float, "batch", "sequence", Hidden);
        string mask = g.AddInput("mask", DataType.Float, "batch", 1, 1, "sequence");
        string h = x;
        for (int layer = 0; layer < 2; layer++)
            h = Layer(g, h, mask, layer, opset, decomposedNorm);
        g.AddOutput(new ValueInfo(h, null));
        return Build(g, opset);
    }

    private static Dictionary<string, OnnxValue> EncoderFeeds()
    {
        var mask = new float[Batch * Sequence];
        mask[Sequence - 1] = -10000f;
        mask[2 * Sequence - 2] = mask[2 * Sequence - 1] = -10000f;
        return new() { ["x"] = Input(1, Batch, Sequence, Hidden), ["mask"] = OnnxValue.FromArray(mask, Batch, 1, 1, Sequence) };
    }

    [Theory]
    [InlineData(13L, true, "ai.onyx.LayerNormalization")]
    [InlineData(17L, true, "LayerNormalization")]
    [InlineData(18L, true, "LayerNormalization")]
    [InlineData(17L, false, "LayerNormalization")]
    public void Bert_like_encoder_fuses_projections_gelu_attention_and_layer_norms(long opset, bool decomposedNorm, string layerNorm)
    {
        List<string> ops = AssertSameOutputs(Encoder(opset, decomposedNorm), EncoderFeeds());

        Assert.Equal(12, ops.Count(o => o == "ai.onyx.FusedMatMul"));
        Assert.Equal(2, ops.Count(o => o == "ai.onyx.ScaledDotProductAttention"));
        Assert.Equal(4, ops.Count(o => o == layerNorm));
        Assert.DoesNotContain("Erf", ops);
        Assert.DoesNotContain("Softmax", ops);
        Assert.DoesNotContain("ReduceMean", ops);
        Assert.DoesNotContain("MatMul", ops);
    }

    /// <summary>GPT-2's decoding step: the new key and value appended to the past ones, q·kᵀ scaled by Mul, no mask.</summary>
    [Fact]
    public void Attention_over_concatenated_past_keys_and_values_is_fused()
    {
        var g = new GraphBuilder("gpt");
        string q = g.AddInput("q", DataType.Float, "batch", 2, 1, 8);
        string k = g.AddNode("Concat", [g.AddInput("past_k", DataType.Float, "batch", 2, "past", 8), g.AddInput("k", DataType.Float, "batch", 2, 1, 8)], Attribute.Create("axis", 2L));
        string v = g.AddNode("Concat", [g.AddInput("past_v", DataType.Float, "batch", 2, "past", 8), g.AddInput("v", DataType.Float, "batch", 2, 1, 8)], Attribute.Create("axis", 2L));
        string kt = g.AddNode("Transpose", [k], Attribute.Create("perm", [0L, 1, 3, 2]));
        string scores = g.AddNode("Mul", [g.AddNode("MatMul", [q, kt]), Scalar(g, "scale", 0.35355339f)]);
        g.AddOutput(new ValueInfo(g.AddNode("MatMul", [g.AddNode("Softmax", [scores], Attribute.Create("axis", -1L)), v]), null));
        var feeds = new Dictionary<string, OnnxValue>
        {
            ["q"] = Input(1, 3, 2, 1, 8), ["past_k"] = Input(2, 3, 2, 6, 8), ["k"] = Input(3, 3, 2, 1, 8), ["past_v"] = Input(4, 3, 2, 6, 8), ["v"] = Input(5, 3, 2, 1, 8),
        };

        List<string> ops = AssertSameOutputs(Build(g, 17), feeds);

        Assert.Equal(["Concat", "Concat", "Transpose", "ai.onyx.ScaledDotProductAttention"], ops);
    }

    [Fact]
    public void Attention_whose_probabilities_are_an_output_is_left_alone()
    {
        var g = new GraphBuilder("g");
        string q = g.AddInput("q", DataType.Float, 2, 3, 4);
        string kt = g.AddInput("kt", DataType.Float, 2, 4, 3);
        string v = g.AddInput("v", DataType.Float, 2, 3, 4);
        string p = g.AddNode("Softmax", [g.AddNode("MatMul", [q, kt])], Attribute.Create("axis", -1L));
        g.AddOutput(new ValueInfo(g.AddNode("MatMul", [p, v]), null));
        g.AddOutput(new ValueInfo(p, null));

        Assert.DoesNotContain("ai.onyx.ScaledDotProductAttention", Optimized(Build(g, 17)));
    }

    [Fact]
    public void Softmax_over_another_axis_is_not_attention()
    {
        var g = new GraphBuilder("g");
        string q = g.AddInput("q", DataType.Float, 2, 3, 4);
        string kt = g.AddInput("kt", DataType.Float, 2, 4, 3);
        string v = g.AddInput("v", DataType.Float, 2, 3, 4);
        string p = g.AddNode("Softmax", [g.AddNode("MatMul", [q, kt])], Attribute.Create("axis", 1L));
        g.AddOutput(new ValueInfo(g.AddNode("MatMul", [p, v]), null));

        Assert.DoesNotContain("ai.onyx.ScaledDotProductAttention", Optimized(Build(g, 17)));
    }
}
