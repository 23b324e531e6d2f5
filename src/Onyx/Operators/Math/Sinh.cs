namespace Onyx.Operators;

/// <summary>The Sinh operator (ai.onnx).</summary>
internal static class Sinh
{
    internal static readonly OperatorSchema V9 = new("Sinh", 9)
    {
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V22 = V9 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V9, V22];
}
