namespace Onyx.Operators;

/// <summary>The LpNormalization operator (ai.onnx).</summary>
internal static class LpNormalization
{
    internal static readonly OperatorSchema V1 = new("LpNormalization", 1)
    {
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        Attributes =
        [
            new("axis", -1L),
            new("p", 2L),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = InferLpNormalization,
    };

    internal static readonly OperatorSchema V22 = V1 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    /// <summary>The output has the input's shape; axis must be within its rank and p is 1 or 2.</summary>
    private static void InferLpNormalization(InferenceContext context)
    {
        long p = context.GetInt("p", 2);
        if (p is not (1 or 2))
            throw context.Fail($"attribute 'p' is {p}; expected 1 or 2");
        if (context.InputRank(0) is int rank)
            ShapeRules.Axis(context, context.GetInt("axis", -1), rank);
        ShapeRules.SameAsFirstInput(context);
    }

    internal static OperatorSchema[] Versions => [V1, V22];
}
