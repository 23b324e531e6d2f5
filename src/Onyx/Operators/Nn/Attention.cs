using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Attention operator (ai.onnx).</summary>
internal static partial class Attention
{
    internal static readonly OperatorSchema V23 = new("Attention", 23)
    {
        Inputs =
        [
            new("Q", "T1"),
            new("K", "T1"),
            new("V", "T2"),
            new("attn_mask", "U", Optional),
            new("past_key", "T1", Optional),
            new("past_value", "T2", Optional),
        ],
        Outputs =
        [
            new("Y", "T1"),
            new("present_key", "T1", Optional),
            new("present_value", "T2", Optional),
            new("qk_matmul_output", "T1", Optional),
        ],
        Attributes =
        [
            new("is_causal", 0L),
            new("kv_num_heads", AttributeType.Int),
            new("q_num_heads", AttributeType.Int),
            new("qk_matmul_output_mode", 0L),
            new("scale", AttributeType.Float),
            new("softcap", 0.0f),
            new("softmax_precision", AttributeType.Int),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("U", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(bool)"),
        ],
        Inference = InferAttention,
        FunctionBody = Attention.BodyV23,
    };

    internal static readonly OperatorSchema V24 = V23 with
    {
        SinceVersion = 24,
        Inputs =
        [
            new("Q", "T1"),
            new("K", "T1"),
            new("V", "T2"),
            new("attn_mask", "U", Optional),
            new("past_key", "T1", Optional),
            new("past_value", "T2", Optional),
            new("nonpad_kv_seqlen", "tensor(int64)", Optional),
        ],
        FunctionBody = Attention.BodyV24,
    };

    internal static readonly OperatorSchema V25 = V24 with
    {
        SinceVersion = 25,
        Attributes =
        [
            new("is_causal", 0L),
            new("kv_num_heads", AttributeType.Int),
            new("left_window_size", -1L),
            new("q_num_heads", AttributeType.Int),
            new("qk_matmul_output_mode", 0L),
            new("right_window_size", -1L),
            new("scale", AttributeType.Float),
            new("softcap", 0.0f),
            new("softmax_precision", AttributeType.Int),
        ],
        FunctionBody = Attention.BodyV25,
    };

    /// <summary>
    /// Q, K and V are each 4-D (batch × heads × sequence × head size) or 3-D (batch × sequence × heads·head size, the
    /// head counts then coming from q_num_heads and kv_num_heads). Y takes Q's form with V's head size; the present
    /// key and value and the QK product span past + current keys.
    /// </summary>
    private static void InferAttention(InferenceContext context)
    {
        foreach (string window in (ReadOnlySpan<string>)["left_window_size", "right_window_size"])
            if (context.GetInt(window, -1) < -1)
                throw context.Fail($"attribute '{window}' is {context.GetInt(window, -1)}; expected -1 (unbounded) or a non-negative size");
        if (context.HasInput(4) != context.HasInput(5))
            throw context.Fail("past_key and past_value must be given together");
        if (context.HasOutput(1) != context.HasOutput(2))
            throw context.Fail("present_key and present_value must be requested together");
        if (context.HasInput(6) && (context.HasInput(4) || context.HasOutput(1)))
            throw context.Fail("nonpad_kv_seqlen cannot be combined with past or present key and value");

        HeadLayout q = HeadLayout.Read(context, 0, "q_num_heads");
        HeadLayout k = HeadLayout.Read(context, 1, "kv_num_heads");
        HeadLayout v = HeadLayout.Read(context, 2, "kv_num_heads");
        Dim batch = ShapeRules.Unify(context, ShapeRules.Unify(context, q.Batch, k.Batch, "the batch of Q and K"), v.Batch, "the batch of K and V");
        Dim kvHeads = ShapeRules.Unify(context, k.Heads, v.Heads, "the heads of K and V");
        Dim kvSequence = ShapeRules.Unify(context, k.Sequence, v.Sequence, "the sequence length of K and V");
        Dim headSize = ShapeRules.Unify(context, q.HeadSize, k.HeadSize, "the head size of Q and K");
        Dim valueHeadSize = v.HeadSize;
        if (q.Heads.Value is long qh && kvHeads.Value is long kvh && (kvh == 0 || qh % kvh != 0))
            throw context.Fail($"Q has {qh} heads, which is not a multiple of the {kvh} heads of K and V");

        Dim total = kvSequence;
        if (ExpectedRank.Exactly(context, 4, 4, "batch × kv_num_heads × past_sequence_length × head_size") is { } pastKey)
        {
            batch = ShapeRules.Unify(context, batch, pastKey.Dims[0], "the batch of Q and past_key");
            kvHeads = ShapeRules.Unify(context, kvHeads, pastKey.Dims[1], "the heads of K and past_key");
            headSize = ShapeRules.Unify(context, headSize, pastKey.Dims[3], "the head size of K and past_key");
            total = ShapeRules.Add(context, pastKey.Dims[2], kvSequence);
        }
        else if (context.HasInput(4))
        {
            total = new Dim();
        }
        if (ExpectedRank.Exactly(context, 5, 4, "batch × kv_num_heads × past_sequence_length × v_head_size") is { } pastValue)
            valueHeadSize = ShapeRules.Unify(context, valueHeadSize, pastValue.Dims[3], "the head size of V and past_value");

        DataType queryType = context.InputElementType(0), valueType = context.InputElementType(2);
        Shape? y = q.Rank switch
        {
            4 => new Shape([batch, q.Heads, q.Sequence, valueHeadSize]),
            3 => new Shape([batch, q.Sequence, ShapeRules.Multiply(context, q.Heads, valueHeadSize)]),
            _ => null,
        };
        context.SetOutput(0, queryType, y);
        if (context.OutputCount > 1)
            context.SetOutput(1, queryType, [batch, kvHeads, total, headSize]);
        if (context.OutputCount > 2)
            context.SetOutput(2, valueType, [batch, kvHeads, total, valueHeadSize]);
        if (context.OutputCount > 3)
            context.SetOutput(3, queryType, [batch, q.Heads, q.Sequence, total]);
    }

    /// <summary>One of Q, K, V read in either form: its rank (null when unknown) and its dims by meaning.</summary>
    private sealed record HeadLayout(int? Rank, Dim Batch, Dim Heads, Dim Sequence, Dim HeadSize)
    {
        public static HeadLayout Read(InferenceContext context, int input, string headsAttribute)
        {
            Dim heads = context.GetInt(headsAttribute) is long h ? new Dim(h) : new Dim();
            if (heads.Value <= 0)
                throw context.Fail($"attribute '{headsAttribute}' is {heads}; expected a positive number");
            Shape? shape = context.InputShape(input);
            string name = context.Schema.Inputs[input].Name;
            switch (shape?.Rank)
            {
                case null:
                    return new(null, new Dim(), heads, new Dim(), new Dim());
                case 4:
                    return new(4, shape.Dims[0], shape.Dims[1], shape.Dims[2], shape.Dims[3]);
                case 3:
                    if (heads.Value is not long count)
                        throw context.Fail($"input {name} is 3-D, so attribute '{headsAttribute}' is required to split its last dim into heads");
                    Dim hidden = shape.Dims[2];
                    if (hidden.Value is long size && size % count != 0)
                        throw context.Fail($"input {name} has hidden size {size}, which {headsAttribute} {count} does not divide");
                    return new(3, shape.Dims[0], heads, shape.Dims[1], hidden.Value is long s ? new Dim(s / count) : new Dim());
                default:
                    throw context.Fail($"input {name} has rank {shape.Rank}; expected 3 (batch × sequence × hidden) or 4 (batch × heads × sequence × head_size)");
            }
        }
    }

    internal static OperatorSchema[] Versions => [V23, V24, V25];
}
