namespace Onyx.Bench.Models;

/// <summary>
/// BERT-base (12 layers, hidden 768, 12 heads, intermediate 3072, vocabulary 30522, 512 positions) at sequence
/// length 128, batch 1, written as torch.onnx.export of Hugging Face's BertModel emits it at opset 17: Gather
/// embeddings, LayerNormalization, the extended attention mask, per layer MatMul + Add projections, Reshape and
/// Transpose to heads, scaled dot-product attention with Softmax, erf GELU, residual Adds and LayerNormalization.
/// Inputs input_ids, attention_mask, token_type_ids int64 [1,128]; output last_hidden_state float [1,128,768].
/// </summary>
internal static class BertBase
{
    public const string Name = "bert-base";

    private const long Layers = 12, Hidden = 768, Heads = 12, HeadSize = Hidden / Heads, Intermediate = 3072, Vocabulary = 30522, Positions = 512, Sequence = 128;
    private const float InitStd = 0.02f, Epsilon = 1e-12f;

    public static BenchmarkModel Create()
    {
        var n = new NetworkBuilder("bert-base", seed: 768);
        string ids = n.Graph.AddInput("input_ids", DataType.Int64, 1, Sequence);
        string mask = n.Graph.AddInput("attention_mask", DataType.Int64, 1, Sequence);
        string types = n.Graph.AddInput("token_type_ids", DataType.Int64, 1, Sequence);

        string positionIds = n.Graph.AddInitializer("embeddings.position_ids", Tensor.FromArray(Enumerable.Range(0, (int)Sequence).Select(i => (long)i).ToArray(), 1, Sequence));
        string words = n.Node("Gather", [n.Weight("embeddings.word_embeddings.weight", InitStd, [Vocabulary, Hidden]), ids], Attribute.Create("axis", 0L));
        string typeEmbeddings = n.Node("Gather", [n.Weight("embeddings.token_type_embeddings.weight", InitStd, [2, Hidden]), types], Attribute.Create("axis", 0L));
        string positions = n.Node("Gather", [n.Weight("embeddings.position_embeddings.weight", InitStd, [Positions, Hidden]), positionIds], Attribute.Create("axis", 0L));
        string x = n.LayerNorm("embeddings.LayerNorm", n.Node("Add", [n.Node("Add", [words, typeEmbeddings]), positions]), Hidden, Epsilon);

        string extendedMask = n.ExtendedAttentionMask(mask);
        for (int layer = 0; layer < Layers; layer++)
            x = Layer(n, $"encoder.layer.{layer}", x, extendedMask, last: layer == Layers - 1);
        return new BenchmarkModel(Name, n.ToModel("BERT-base, sequence 128, with deterministic random weights (Onyx benchmark)."),
            Inputs(new NormalSource(1768)));
    }

    private static string Layer(NetworkBuilder n, string prefix, string x, string extendedMask, bool last)
    {
        string query = Heads4(n, n.Linear(prefix + ".attention.self.query", x, Hidden, Hidden, InitStd), [0, 2, 1, 3]);
        string key = Heads4(n, n.Linear(prefix + ".attention.self.key", x, Hidden, Hidden, InitStd), [0, 2, 3, 1]);
        string value = Heads4(n, n.Linear(prefix + ".attention.self.value", x, Hidden, Hidden, InitStd), [0, 2, 1, 3]);
        string scores = n.Node("Add", [n.Node("Div", [n.Node("MatMul", [query, key]), n.Scalar(MathF.Sqrt(HeadSize))]), extendedMask]);
        string probabilities = n.Node("Softmax", [scores], Attribute.Create("axis", -1L));
        string context = n.Node("MatMul", [probabilities, value]);
        context = n.Node("Reshape", [n.Node("Transpose", [context], Attribute.Create("perm", [0L, 2, 1, 3])), n.Int64s(1, Sequence, Hidden)]);
        string attention = n.Linear(prefix + ".attention.output.dense", context, Hidden, Hidden, InitStd);
        x = n.LayerNorm(prefix + ".attention.output.LayerNorm", n.Node("Add", [attention, x]), Hidden, Epsilon);

        string h = n.Linear(prefix + ".intermediate.dense", x, Hidden, Intermediate, InitStd);
        string erf = n.Node("Erf", [n.Node("Div", [h, n.Scalar(1.4142135f)])]);
        h = n.Node("Mul", [n.Node("Mul", [h, n.Node("Add", [erf, n.Scalar(1f)])]), n.Scalar(0.5f)]);
        h = n.Linear(prefix + ".output.dense", h, Intermediate, Hidden, InitStd);
        string sum = n.Node("Add", [h, x]);
        return n.LayerNorm(prefix + ".output.LayerNorm", n.Node("Add", [h, x]), Hidden, Epsilon,
            last ? ("last_hidden_state", [1, Sequence, Hidden]) : null);
    }

    /// <summary>[1, 128, 768] → Reshape [1, 128, 12, 64] → Transpose by <paramref name="perm"/>.</summary>
    private static string Heads4(NetworkBuilder n, string x, long[] perm) =>
        n.Node("Transpose", [n.Node("Reshape", [x, n.Int64s(1, Sequence, Heads, HeadSize)])], Attribute.Create("perm", perm));

    /// <summary>Token ids uniform over the vocabulary (101 first, as [CLS]), a mask of ones, token types 0 then 1 from the middle.</summary>
    private static Tensor[] Inputs(NormalSource random)
    {
        var ids = new long[Sequence];
        for (int i = 0; i < ids.Length; i++)
            ids[i] = i == 0 ? 101 : random.NextInteger(Vocabulary);
        long[] mask = [.. Enumerable.Repeat(1L, (int)Sequence)];
        long[] types = [.. Enumerable.Range(0, (int)Sequence).Select(i => i < Sequence / 2 ? 0L : 1L)];
        return
        [
            BenchmarkModel.Named("input_ids", Tensor.FromArray(ids, 1, Sequence)),
            BenchmarkModel.Named("attention_mask", Tensor.FromArray(mask, 1, Sequence)),
            BenchmarkModel.Named("token_type_ids", Tensor.FromArray(types, 1, Sequence)),
        ];
    }
}
