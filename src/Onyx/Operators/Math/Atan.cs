namespace Onyx.Operators;

/// <summary>The Atan operator (ai.onnx).</summary>
internal static class Atan
{
    internal static readonly OperatorSchema V7 = new("Atan", 7)
    {
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V22 = V7 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V7, V22];
}
