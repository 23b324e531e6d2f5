namespace Onyx.Operators;

/// <summary>The Swish operator (ai.onnx).</summary>
internal static partial class Swish
{
    internal static readonly OperatorSchema V24 = new("Swish", 24)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes = [new("alpha", 1.0f)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(bfloat16), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
        FunctionBody = Swish.BodyV24,
    };

    internal static OperatorSchema[] Versions => [V24];
}
