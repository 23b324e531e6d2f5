namespace Onyx.Operators;

/// <summary>The IsInf operator (ai.onnx).</summary>
internal static class IsInf
{
    internal static readonly OperatorSchema V10 = new("IsInf", 10)
    {
        Inference = InferIsInf,
        Inputs = [new("X", "T1")],
        Outputs = [new("Y", "T2")],
        Attributes =
        [
            new("detect_negative", 1L),
            new("detect_positive", 1L),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(double)"),
            new("T2", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V20 = V10 with
    {
        SinceVersion = 20,
        TypeConstraints =
        [
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
            new("T2", "tensor(bool)"),
        ],
    };

    private static void InferIsInf(InferenceContext context) => ShapeRules.SameShapeAs(context, 0, DataType.Bool);

    internal static OperatorSchema[] Versions => [V10, V20];
}
