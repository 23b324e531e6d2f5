namespace Onyx.Bench.Models;

/// <summary>
/// One decoding step of GPT-2 small (12 layers, hidden 768, 12 heads, vocabulary 50257, 1024 positions) with a KV
/// cache of 128 past tokens, written as torch.onnx.export of Hugging Face's GPT2LMHeadModel with past key values
/// emits it at opset 17: pre-LN blocks, c_attn MatMul + Add split into q, k, v, past and new keys and values
/// concatenated into the present cache, scaled dot-product attention with the additive attention mask, tanh GELU
/// written with Pow, Mul, Add and Tanh, and the lm_head MatMul. Inputs input_ids, position_ids int64 [1,1],
/// attention_mask int64 [1,129], past_key_i and past_value_i float [1,12,128,64]; outputs logits [1,1,50257] and
/// present_key_i, present_value_i [1,12,129,64].
/// </summary>
internal static class Gpt2Decode
{
    public const string Name = "gpt2-decode";

    private const long Layers = 12, Hidden = 768, Heads = 12, HeadSize = Hidden / Heads, Vocabulary = 50257, Positions = 1024, Past = 128;
    private const float InitStd = 0.02f, Epsilon = 1e-5f;

    public static BenchmarkModel Create()
    {
        var n = new NetworkBuilder("gpt2-decode", seed: 1024);
        string ids = n.Graph.AddInput("input_ids", DataType.Int64, 1, 1);
        string positionIds = n.Graph.AddInput("position_ids", DataType.Int64, 1, 1);
        string mask = n.Graph.AddInput("attention_mask", DataType.Int64, 1, Past + 1);
        var past = new (string Key, string Value)[Layers];
        for (int i = 0; i < Layers; i++)
            past[i] = (n.Graph.AddInput($"past_key_{i}", DataType.Float, 1, Heads, Past, HeadSize), n.Graph.AddInput($"past_value_{i}", DataType.Float, 1, Heads, Past, HeadSize));

        string tokens = n.Node("Gather", [n.Weight("transformer.wte.weight", InitStd, [Vocabulary, Hidden]), ids], Attribute.Create("axis", 0L));
        string positions = n.Node("Gather", [n.Weight("transformer.wpe.weight", 0.01f, [Positions, Hidden]), positionIds], Attribute.Create("axis", 0L));
        string x = n.Node("Add", [tokens, positions]);
        string extendedMask = n.ExtendedAttentionMask(mask);
        for (int layer = 0; layer < Layers; layer++)
            x = Block(n, layer, x, past[layer], extendedMask);

        x = n.LayerNorm("transformer.ln_f", x, Hidden, Epsilon);
        // The tied embedding transposed, as its own initializer (the exporter's MatMul by wte's transpose, folded).
        string lmHead = n.Weight("lm_head.weight", InitStd, [Hidden, Vocabulary]);
        n.OutputNode("logits", [1, 1, Vocabulary], "MatMul", [x, lmHead]);
        return new BenchmarkModel(Name, n.ToModel("GPT-2 small, one decoding step after 128 cached tokens, with deterministic random weights (Onyx benchmark)."),
            Inputs(new NormalSource(11024)));
    }

    private static string Block(NetworkBuilder n, int layer, string x, (string Key, string Value) past, string extendedMask)
    {
        string prefix = $"transformer.h.{layer}";
        string qkv = n.Linear(prefix + ".attn.c_attn", n.LayerNorm(prefix + ".ln_1", x, Hidden, Epsilon), Hidden, 3 * Hidden, InitStd);
        Node split = n.Graph.AddNode("Split", [qkv, n.Int64s(Hidden, Hidden, Hidden)], 3, "", Attribute.Create("axis", 2L));
        string query = Heads4(n, split.Outputs[0]);
        string key = n.OutputNode($"present_key_{layer}", [1, Heads, Past + 1, HeadSize], "Concat", [past.Key, Heads4(n, split.Outputs[1])], Attribute.Create("axis", 2L));
        string value = n.OutputNode($"present_value_{layer}", [1, Heads, Past + 1, HeadSize], "Concat", [past.Value, Heads4(n, split.Outputs[2])], Attribute.Create("axis", 2L));

        string keyT = n.Node("Transpose", [key], Attribute.Create("perm", [0L, 1, 3, 2]));
        string scores = n.Node("Add", [n.Node("Div", [n.Node("MatMul", [query, keyT]), n.Scalar(MathF.Sqrt(HeadSize))]), extendedMask]);
        string context = n.Node("MatMul", [n.Node("Softmax", [scores], Attribute.Create("axis", -1L)), value]);
        context = n.Node("Reshape", [n.Node("Transpose", [context], Attribute.Create("perm", [0L, 2, 1, 3])), n.Int64s(1, 1, Hidden)]);
        // GPT-2 scales the residual projections' init by 1/√(2·layers).
        float projectionStd = InitStd / MathF.Sqrt(2 * Layers);
        x = n.Node("Add", [x, n.Linear(prefix + ".attn.c_proj", context, Hidden, Hidden, projectionStd)]);

        string h = n.Linear(prefix + ".mlp.c_fc", n.LayerNorm(prefix + ".ln_2", x, Hidden, Epsilon), Hidden, 4 * Hidden, InitStd);
        string inner = n.Node("Mul", [n.Node("Add", [h, n.Node("Mul", [n.Node("Pow", [h, n.Scalar(3f)]), n.Scalar(0.044715f)])]), n.Scalar(MathF.Sqrt(2 / MathF.PI))]);
        h = n.Node("Mul", [n.Node("Mul", [n.Scalar(0.5f), h]), n.Node("Add", [n.Scalar(1f), n.Node("Tanh", [inner])])]);
        return n.Node("Add", [x, n.Linear(prefix + ".mlp.c_proj", h, 4 * Hidden, Hidden, projectionStd)]);
    }

    /// <summary>[1, 1, 768] → Reshape [1, 1, 12, 64] → Transpose [0, 2, 1, 3] → [1, 12, 1, 64].</summary>
    private static string Heads4(NetworkBuilder n, string x) =>
        n.Node("Transpose", [n.Node("Reshape", [x, n.Int64s(1, 1, Heads, HeadSize)])], Attribute.Create("perm", [0L, 2, 1, 3]));

    /// <summary>A token id in the vocabulary, position 128, a mask of ones, and past keys and values normal with standard deviation 1.</summary>
    private static Tensor[] Inputs(NormalSource random)
    {
        var inputs = new List<Tensor>
        {
            BenchmarkModel.Named("input_ids", Tensor.FromArray([random.NextInteger(Vocabulary)], 1, 1)),
            BenchmarkModel.Named("position_ids", Tensor.FromArray([Past], 1, 1)),
            BenchmarkModel.Named("attention_mask", Tensor.FromArray(Enumerable.Repeat(1L, (int)Past + 1).ToArray(), 1, Past + 1)),
        };
        for (int i = 0; i < Layers; i++)
        {
            inputs.Add(BenchmarkModel.Named($"past_key_{i}", random.Normal(1f, [1, Heads, Past, HeadSize])));
            inputs.Add(BenchmarkModel.Named($"past_value_{i}", random.Normal(1f, [1, Heads, Past, HeadSize])));
        }
        return [.. inputs];
    }
}
