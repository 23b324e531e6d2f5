namespace Onyx.Operators;

/// <summary>The RMSNormalization operator (ai.onnx).</summary>
internal static partial class RMSNormalization
{
    internal static readonly OperatorSchema V23 = new("RMSNormalization", 23)
    {
        Inputs =
        [
            new("X", "T"),
            new("scale", "V"),
        ],
        Outputs = [new("Y", "V")],
        Attributes =
        [
            new("axis", -1L),
            new("epsilon", 1e-05f),
            new("stash_type", 1L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("V", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
        FunctionBody = RMSNormalization.BodyV23,
    };

    internal static OperatorSchema[] Versions => [V23];
}
