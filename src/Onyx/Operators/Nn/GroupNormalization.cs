namespace Onyx.Operators;

/// <summary>The GroupNormalization operator (ai.onnx).</summary>
internal static partial class GroupNormalization
{
    internal static readonly OperatorSchema V18 = new("GroupNormalization", 18)
    {
        Deprecated = true,
    };

    internal static readonly OperatorSchema V21 = V18 with
    {
        SinceVersion = 21,
        Deprecated = false,
        Inputs =
        [
            new("X", "T"),
            new("scale", "T"),
            new("bias", "T"),
        ],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("epsilon", 1e-05f),
            new("num_groups", AttributeType.Int, Required: true),
            new("stash_type", 1L),
        ],
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
        Inference = InferGroupNormalization,
        FunctionBody = GroupNormalization.BodyV21,
    };

    /// <summary>Y has X's shape; scale and bias hold one value per channel, and num_groups divides the channels.</summary>
    private static void InferGroupNormalization(InferenceContext context)
    {
        long groups = context.GetInt("num_groups") ?? throw context.Fail("attribute 'num_groups' is required");
        if (groups <= 0)
            throw context.Fail($"attribute 'num_groups' is {groups}; expected a positive number");
        if (context.InputShape(0) is { Rank: >= 2 } x && x.Dims[1].Value is long channels && channels % groups != 0)
            throw context.Fail($"X has {channels} channels, which num_groups {groups} does not divide");
        NormalizationShape.PerChannel(context, 1, 2);
    }

    internal static OperatorSchema[] Versions => [V18, V21];
}
