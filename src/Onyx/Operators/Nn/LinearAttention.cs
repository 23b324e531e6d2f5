using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The LinearAttention operator (ai.onnx).</summary>
internal static partial class LinearAttention
{
    internal static readonly OperatorSchema V27 = new("LinearAttention", 27)
    {
        Inputs =
        [
            new("query", "T"),
            new("key", "T"),
            new("value", "T"),
            new("past_state", "S", Optional),
            new("decay", "T", Optional),
            new("beta", "T", Optional),
        ],
        Outputs =
        [
            new("output", "T"),
            new("present_state", "S"),
        ],
        Attributes =
        [
            new("chunk_size", 64L),
            new("kv_num_heads", AttributeType.Int, Required: true),
            new("q_num_heads", AttributeType.Int, Required: true),
            new("scale", 0.0f),
            new("update_rule", "gated_delta"),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(bfloat16), tensor(float)"),
            new("S", "tensor(float16), tensor(bfloat16), tensor(float)"),
        ],
        Inference = InferLinearAttention,
        FunctionBody = LinearAttention.BodyV27,
    };

    /// <summary>
    /// output is (B × T × H_q·d_v) and present_state (B × H_kv × d_k × d_v), from query (B × T × H_q·d_k), key
    /// (B × T × H_kv·d_k) and value (B × T × H_kv·d_v). The state keeps past_state's type, else the query's.
    /// </summary>
    private static void InferLinearAttention(InferenceContext context)
    {
        long qHeads = PositiveHeads(context, "q_num_heads"), kvHeads = PositiveHeads(context, "kv_num_heads");
        if (qHeads % kvHeads != 0)
            throw context.Fail($"q_num_heads {qHeads} is not a multiple of kv_num_heads {kvHeads}");
        string rule = context.GetString("update_rule", "gated_delta");
        if (rule is not ("linear" or "gated" or "delta" or "gated_delta"))
            throw context.Fail($"attribute 'update_rule' is '{rule}'; expected linear, gated, delta or gated_delta");
        Shape? query = ExpectedRank.Exactly(context, 0, 3, "B × T × H_q·d_k");
        Shape? key = ExpectedRank.Exactly(context, 1, 3, "B × T × H_kv·d_k");
        Shape? value = ExpectedRank.Exactly(context, 2, 3, "B × T × H_kv·d_v");
        Shape? past = ExpectedRank.Exactly(context, 3, 4, "B × H_kv × d_k × d_v");
        ExpectedRank.Exactly(context, 4, 3, "B × T × H_kv·d_k or B × T × H_kv");
        ExpectedRank.Exactly(context, 5, 3, "B × T × H_kv or B × T × 1");

        Dim batch = ShapeRules.Unify(context, ExpectedRank.DimOf(query, 0), ExpectedRank.DimOf(key, 0), "the batch of query and key");
        batch = ShapeRules.Unify(context, batch, ExpectedRank.DimOf(value, 0), "the batch of key and value");
        batch = ShapeRules.Unify(context, batch, ExpectedRank.DimOf(past, 0), "the batch of query and past_state");
        Dim time = ShapeRules.Unify(context, ExpectedRank.DimOf(query, 1), ExpectedRank.DimOf(key, 1), "the sequence length of query and key");
        time = ShapeRules.Unify(context, time, ExpectedRank.DimOf(value, 1), "the sequence length of key and value");
        ShapeRules.Unify(context, new Dim(kvHeads), ExpectedRank.DimOf(past, 1), "kv_num_heads and dim 1 of past_state");
        Dim keySize = PerHead(context, ExpectedRank.DimOf(query, 2), qHeads, "query");
        keySize = ShapeRules.Unify(context, keySize, PerHead(context, ExpectedRank.DimOf(key, 2), kvHeads, "key"), "the head size of query and key");
        keySize = ShapeRules.Unify(context, keySize, ExpectedRank.DimOf(past, 2), "the key head size and dim 2 of past_state");
        Dim valueSize = ShapeRules.Unify(context, PerHead(context, ExpectedRank.DimOf(value, 2), kvHeads, "value"), ExpectedRank.DimOf(past, 3),
            "the value head size and dim 3 of past_state");

        DataType type = context.InputElementType(0);
        context.SetOutput(0, type, [batch, time, ShapeRules.Multiply(context, new Dim(qHeads), valueSize)]);
        context.SetOutput(1, context.HasInput(3) ? context.InputElementType(3) : type, [batch, new Dim(kvHeads), keySize, valueSize]);
    }

    private static long PositiveHeads(InferenceContext context, string attribute)
    {
        long heads = context.GetInt(attribute) ?? throw context.Fail($"attribute '{attribute}' is required");
        return heads > 0 ? heads : throw context.Fail($"attribute '{attribute}' is {heads}; expected a positive number");
    }

    private static Dim PerHead(InferenceContext context, Dim packed, long heads, string input)
    {
        if (packed.Value is not long size)
            return new Dim();
        if (size % heads != 0)
            throw context.Fail($"input {input} packs {size} values per token, which its {heads} heads do not divide");
        return new Dim(size / heads);
    }

    internal static OperatorSchema[] Versions => [V27];
}
