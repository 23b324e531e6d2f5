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
        Inference = InferLayerNormalization,
        FunctionBody = LayerNormalization.BodyV17,
    };

    /// <summary>
    /// Y has X's shape; Mean and InvStdDev keep X's dims before axis and are 1 from axis on, of the stash_type
    /// element type.
    /// </summary>
    private static void InferLayerNormalization(InferenceContext context)
    {
        Shape? x = context.InputShape(0);
        long stash = context.GetInt("stash_type", 1);
        DataType stashType = stash switch
        {
            (long)DataType.Float => DataType.Float,
            (long)DataType.BFloat16 => DataType.BFloat16,
            _ => throw context.Fail($"attribute 'stash_type' is {stash}; expected 1 (float) or 16 (bfloat16)"),
        };
        context.SetOutput(0, context.InputElementType(0), x);
        Shape? statistics = null;
        if (x is not null)
        {
            int axis = ShapeRules.Axis(context, context.GetInt("axis", -1), x.Rank);
            statistics = new Shape(x.Dims.Select((d, i) => i < axis ? d : new Dim(1)));
        }
        for (int j = 1; j < context.OutputCount; j++)
            context.SetOutput(j, stashType, statistics);
    }

    internal static OperatorSchema[] Versions => [V17];
}
