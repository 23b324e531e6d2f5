namespace Onyx.Operators;

/// <summary>The FlexAttention operator (ai.onnx.preview).</summary>
internal static partial class FlexAttention
{
    internal static readonly OperatorSchema V1 = new("FlexAttention", 1, "ai.onnx.preview")
    {
        Inputs =
        [
            new("Q", "T1"),
            new("K", "T1"),
            new("V", "T1"),
        ],
        Outputs = [new("Y", "T1")],
        Attributes =
        [
            new("prob_mod", AttributeType.Graph),
            new("scale", AttributeType.Float),
            new("score_mod", AttributeType.Graph),
            new("softmax_precision", AttributeType.Int),
        ],
        TypeConstraints = [new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
        Inference = InferFlexAttention,
        FunctionBody = FlexAttention.BodyV1,
    };

    /// <summary>Y is (batch × q_heads × q_seq_len × v_head_size) from Q (B × Hq × L × E), K (B × Hkv × S × E), V (B × Hkv × S × Ev).</summary>
    private static void InferFlexAttention(InferenceContext context)
    {
        Shape? q = ExpectedRank.Exactly(context, 0, 4, "batch × q_num_heads × q_seq_len × head_size");
        Shape? k = ExpectedRank.Exactly(context, 1, 4, "batch × kv_num_heads × kv_seq_len × head_size");
        Shape? v = ExpectedRank.Exactly(context, 2, 4, "batch × kv_num_heads × kv_seq_len × v_head_size");
        Dim batch = ShapeRules.Unify(context, ExpectedRank.DimOf(q, 0), ExpectedRank.DimOf(k, 0), "the batch of Q and K");
        batch = ShapeRules.Unify(context, batch, ExpectedRank.DimOf(v, 0), "the batch of K and V");
        Dim kvHeads = ShapeRules.Unify(context, ExpectedRank.DimOf(k, 1), ExpectedRank.DimOf(v, 1), "the heads of K and V");
        ShapeRules.Unify(context, ExpectedRank.DimOf(k, 2), ExpectedRank.DimOf(v, 2), "the sequence length of K and V");
        ShapeRules.Unify(context, ExpectedRank.DimOf(q, 3), ExpectedRank.DimOf(k, 3), "the head size of Q and K");
        Dim qHeads = ExpectedRank.DimOf(q, 1);
        if (qHeads.Value is long qh && kvHeads.Value is long kvh && (kvh == 0 || qh % kvh != 0))
            throw context.Fail($"Q has {qh} heads, which is not a multiple of the {kvh} heads of K and V");
        Dim[] scores = [batch, qHeads, ExpectedRank.DimOf(q, 2), ExpectedRank.DimOf(k, 2)];
        foreach (string modifier in (ReadOnlySpan<string>)["score_mod", "prob_mod"])
            if (context.GetGraph(modifier) is not null)
                CheckModifier(context, modifier, new TensorTypeInfo(SoftmaxType(context), new Shape(scores)));
        context.SetOutput(0, context.InputElementType(0), [batch, qHeads, ExpectedRank.DimOf(q, 2), ExpectedRank.DimOf(v, 3)]);
    }

    /// <summary>softmax_precision, else float, or double for double inputs.</summary>
    private static DataType SoftmaxType(InferenceContext context) =>
        context.GetInt("softmax_precision") is long precision ? (DataType)precision
        : context.InputElementType(0) == DataType.Double ? DataType.Double : DataType.Float;

    /// <summary>A modifier subgraph maps the (B × Hq × L × S) scores or probabilities to a tensor of the same type and shape.</summary>
    private static void CheckModifier(InferenceContext context, string attribute, TensorTypeInfo scores)
    {
        IReadOnlyList<TypeInfo?> outputs = context.InferSubgraph(attribute, [scores]);
        if (outputs.Count != 1)
            throw context.Fail($"the {attribute} subgraph has {outputs.Count} outputs; expected 1");
        if (outputs[0] is TensorTypeInfo result
            && (result.ElementType is not DataType.Undefined && result.ElementType != scores.ElementType || result.Shape is { Rank: not 4 }))
            throw context.Fail($"the {attribute} subgraph returns {result}{result.Shape}; expected {scores}{scores.Shape}, the type and shape of its input");
    }

    internal static OperatorSchema[] Versions => [V1];
}
