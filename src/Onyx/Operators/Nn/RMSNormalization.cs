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
        Inference = InferRmsNormalization,
        FunctionBody = RMSNormalization.BodyV23,
    };

    /// <summary>Y has X's shape and the scale's type (V); axis must be within X's rank.</summary>
    private static void InferRmsNormalization(InferenceContext context)
    {
        Shape? x = context.InputShape(0);
        if (x is not null)
            ShapeRules.Axis(context, context.GetInt("axis", -1), x.Rank);
        context.SetOutput(0, context.InputElementType(1), x);
    }

    internal static OperatorSchema[] Versions => [V23];
}
