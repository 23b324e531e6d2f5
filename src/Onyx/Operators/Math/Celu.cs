namespace Onyx.Operators;

/// <summary>The Celu operator (ai.onnx).</summary>
internal static partial class Celu
{
    internal static readonly OperatorSchema V12 = new("Celu", 12)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes = [new("alpha", 1.0f)],
        TypeConstraints = [new("T", "tensor(float)")],
        Inference = ShapeRules.SameAsFirstInput,
        FunctionBody = Celu.BodyV12,
    };

    internal static readonly OperatorSchema V28 = V12 with
    {
        SinceVersion = 28,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
        FunctionBody = Celu.BodyV28,
    };

    internal static OperatorSchema[] Versions => [V12, V28];
}
