namespace Onyx.Operators;

/// <summary>The PRelu operator (ai.onnx).</summary>
internal static partial class PRelu
{
    internal static readonly OperatorSchema V1 = new("PRelu", 1)
    {
        Inputs =
        [
            new("X", "T"),
            new("slope", "T"),
        ],
        Outputs = [new("Y", "T")],
        Attributes = [new("consumed_inputs", AttributeType.Ints)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes = [],
    };

    internal static readonly OperatorSchema V7 = V6 with
    {
        SinceVersion = 7,
        Inference = InferUnidirectional,
    };

    internal static readonly OperatorSchema V9 = V7 with
    {
        SinceVersion = 9,
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(uint32), tensor(uint64), tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V16 = V9 with
    {
        SinceVersion = 16,
        TypeConstraints =
        [
            new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(uint32), tensor(uint64), tensor(int32), tensor(int64)"),
        ],
        FunctionBody = PRelu.BodyV16,
    };

    /// <summary>Since version 7 the slope broadcasts unidirectionally to X, whose shape the output keeps.</summary>
    private static void InferUnidirectional(InferenceContext context)
    {
        if (context.InputShape(0) is { } x && context.InputShape(1) is { } slope)
            MatrixShapes.CheckUnidirectional(context, slope, x, "the slope");
        ShapeRules.SameAsFirstInput(context);
    }

    internal static OperatorSchema[] Versions => [V1, V6, V7, V9, V16];
}
