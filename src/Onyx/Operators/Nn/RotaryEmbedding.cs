using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The RotaryEmbedding operator (ai.onnx).</summary>
internal static partial class RotaryEmbedding
{
    internal static readonly OperatorSchema V23 = new("RotaryEmbedding", 23)
    {
        Inputs =
        [
            new("X", "T"),
            new("cos_cache", "T"),
            new("sin_cache", "T"),
            new("position_ids", "M", Optional),
        ],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("interleaved", 0L),
            new("num_heads", AttributeType.Int),
            new("rotary_embedding_dim", 0L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float), tensor(float16), tensor(bfloat16)"),
            new("M", "tensor(int64)"),
        ],
        Inference = InferRotaryEmbedding,
        FunctionBody = RotaryEmbedding.BodyV23,
    };

    /// <summary>
    /// Y has X's shape. X is 4-D (batch × heads × sequence × head_size) or 3-D (batch × sequence × hidden), the 3-D
    /// form needing num_heads; the caches are 2-D with position_ids and 3-D without.
    /// </summary>
    private static void InferRotaryEmbedding(InferenceContext context)
    {
        Shape? x = context.InputShape(0);
        if (x is not null && x.Rank is not (3 or 4))
            throw context.Fail($"input X has rank {x.Rank}; expected 3 (batch × sequence × hidden) or 4 (batch × heads × sequence × head_size)");
        if (x?.Rank == 3 && context.GetInt("num_heads") is not > 0)
            throw context.Fail("input X is 3-D, so attribute 'num_heads' must be given as a positive number");
        int cacheRank = context.HasInput(3) ? 2 : 3;
        string layout = cacheRank == 2 ? "max_position_id_plus_1 × rotary_dim / 2, as position_ids is given" : "batch × sequence × rotary_dim / 2, as position_ids is absent";
        Shape? cos = ExpectedRank.Exactly(context, 1, cacheRank, layout);
        Shape? sin = ExpectedRank.Exactly(context, 2, cacheRank, layout);
        if (cos is not null && sin is not null)
            for (int i = 0; i < cacheRank; i++)
                ShapeRules.Unify(context, cos.Dims[i], sin.Dims[i], $"dim {i} of cos_cache and sin_cache");
        ExpectedRank.Exactly(context, 3, 2, "batch × sequence");
        ShapeRules.SameAsFirstInput(context);
    }

    internal static OperatorSchema[] Versions => [V23];
}
