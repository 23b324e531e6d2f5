namespace Onyx.Operators;

/// <summary>The HardSwish operator (ai.onnx).</summary>
internal static partial class HardSwish
{
    internal static readonly OperatorSchema V14 = new("HardSwish", 14)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
        FunctionBody = HardSwish.BodyV14,
    };

    internal static readonly OperatorSchema V22 = V14 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
        FunctionBody = HardSwish.BodyV22,
    };

    internal static OperatorSchema[] Versions => [V14, V22];
}
