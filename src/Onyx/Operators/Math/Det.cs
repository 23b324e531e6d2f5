namespace Onyx.Operators;

/// <summary>The Det operator (ai.onnx).</summary>
internal static class Det
{
    internal static readonly OperatorSchema V11 = new("Det", 11)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = InferDet,
    };

    internal static readonly OperatorSchema V22 = V11 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    /// <summary>X is [*, M, M]; the output holds one determinant per matrix, shape [*].</summary>
    private static void InferDet(InferenceContext context)
    {
        Shape? x = context.InputShape(0);
        if (x is not null)
        {
            if (x.Rank < 2)
                throw context.Fail($"input X must have rank at least 2 ([*, M, M]), but it has shape {x}");
            ShapeRules.Unify(context, x.Dims[^2], x.Dims[^1], $"input X {x} must hold square matrices: its last two dimensions");
        }
        context.SetOutput(0, context.InputElementType(0), x is null ? null : new Shape(x.Dims.Take(x.Rank - 2)));
    }

    internal static OperatorSchema[] Versions => [V11, V22];
}
