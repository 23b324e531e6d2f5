namespace Onyx.Operators;

/// <summary>The Mish operator (ai.onnx).</summary>
internal static partial class Mish
{
    internal static readonly OperatorSchema V18 = new("Mish", 18)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
        FunctionBody = Mish.BodyV18,
    };

    internal static readonly OperatorSchema V22 = V18 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
        FunctionBody = Mish.BodyV22,
    };

    internal static OperatorSchema[] Versions => [V18, V22];
}
