namespace Onyx.Operators;

/// <summary>The Sin operator (ai.onnx).</summary>
internal static class Sin
{
    internal static readonly OperatorSchema V7 = new("Sin", 7)
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
