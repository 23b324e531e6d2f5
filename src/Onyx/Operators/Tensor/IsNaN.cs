namespace Onyx.Operators;

/// <summary>The IsNaN operator (ai.onnx).</summary>
internal static class IsNaN
{
    internal static readonly OperatorSchema V9 = new("IsNaN", 9)
    {
        Inference = InferIsNaN,
        Inputs = [new("X", "T1")],
        Outputs = [new("Y", "T2")],
        TypeConstraints =
        [
            new("T1", "tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V9 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T1", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("T2", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V20 = V13 with
    {
        SinceVersion = 20,
        TypeConstraints =
        [
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
            new("T2", "tensor(bool)"),
        ],
    };

    private static void InferIsNaN(InferenceContext context) => ShapeRules.SameShapeAs(context, 0, DataType.Bool);

    internal static OperatorSchema[] Versions => [V9, V13, V20];
}
