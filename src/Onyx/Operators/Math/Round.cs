namespace Onyx.Operators;

/// <summary>The Round operator (ai.onnx).</summary>
internal static class Round
{
    internal static readonly OperatorSchema V11 = new("Round", 11)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V22 = V11 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V11, V22];
}
