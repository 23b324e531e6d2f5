using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The LayerNormalization operator (ai.onnx).</summary>
internal static partial class LayerNormalization
{
    internal static readonly OperatorSchema V17 = new("LayerNormalization", 17)
    {
        Inputs =
        [
            new("X", "T"),
            new("Scale", "T"),
            new("B", "T", Optional),
        ],
        Outputs =
        [
            new("Y", "T"),
            new("Mean", "U", Optional),
            new("InvStdDev", "U", Optional),
        ],
        Attributes =
        [
            new("axis", -1L),
            new("epsilon", 1e-05f),
            new("stash_type", 1L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("U", "tensor(float), tensor(bfloat16)"),
        ],
        FunctionBody = LayerNormalization.BodyV17,
    };

    internal static OperatorSchema[] Versions => [V17];
}
