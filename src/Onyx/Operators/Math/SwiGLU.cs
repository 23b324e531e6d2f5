namespace Onyx.Operators;

/// <summary>The SwiGLU operator (ai.onnx).</summary>
internal static partial class SwiGLU
{
    internal static readonly OperatorSchema V28 = new("SwiGLU", 28)
    {
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
        ],
        Outputs = [new("Y", "T")],
        Attributes = [new("alpha", 1.0f)],
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
        Inference = InferSwiGLU,
        FunctionBody = SwiGLU.BodyV28,
    };

    /// <summary>A and B must have identical shapes (no broadcasting), which the output keeps.</summary>
    private static void InferSwiGLU(InferenceContext context)
    {
        Shape? a = context.InputShape(0), b = context.InputShape(1);
        Shape? output = a ?? b;
        if (a is not null && b is not null)
        {
            if (a.Rank != b.Rank)
                throw context.Fail($"inputs A {a} and B {b} must have identical shapes");
            output = new Shape(a.Dims.Select((d, i) => ShapeRules.Unify(context, d, b.Dims[i], $"inputs A {a} and B {b} must have identical shapes; dimension {i}")));
        }
        context.SetOutput(0, context.InputElementType(0), output);
    }

    internal static OperatorSchema[] Versions => [V28];
}
