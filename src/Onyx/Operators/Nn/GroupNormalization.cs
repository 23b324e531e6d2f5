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
        FunctionBody = GroupNormalization.BodyV21,
    };

    internal static OperatorSchema[] Versions => [V18, V21];
}
