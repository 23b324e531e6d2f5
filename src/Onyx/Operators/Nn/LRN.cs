namespace Onyx.Operators;

/// <summary>The LRN operator (ai.onnx).</summary>
internal static class LRN
{
    internal static readonly OperatorSchema V1 = new("LRN", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("alpha", 0.0001f),
            new("beta", 0.75f),
            new("bias", 1.0f),
            new("size", AttributeType.Int, Required: true),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = InferLrn,
    };

    internal static readonly OperatorSchema V13 = V1 with
    {
        SinceVersion = 13,
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)")],
    };

    /// <summary>Y has X's shape; the window size must be positive.</summary>
    private static void InferLrn(InferenceContext context)
    {
        long size = context.GetInt("size") ?? throw context.Fail("attribute 'size' is required");
        if (size <= 0)
            throw context.Fail($"attribute 'size' is {size}; expected a positive number");
        ShapeRules.SameAsFirstInput(context);
    }

    internal static OperatorSchema[] Versions => [V1, V13];
}
