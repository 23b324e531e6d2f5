namespace Onyx.Operators;

/// <summary>The Hardmax operator (ai.onnx).</summary>
internal static class Hardmax
{
    internal static readonly OperatorSchema V1 = new("Hardmax", 1)
    {
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        Attributes = [new("axis", 1L)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V11 = V1 with
    {
        SinceVersion = 11,
        Inference = SoftmaxFamily.Infer,
    };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        Attributes = [new("axis", -1L)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)")],
    };

    internal static OperatorSchema[] Versions => [V1, V11, V13];
}
