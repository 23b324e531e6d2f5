namespace Onyx.Operators;

/// <summary>The ThresholdedRelu operator (ai.onnx).</summary>
internal static partial class ThresholdedRelu
{
    internal static readonly OperatorSchema V10 = new("ThresholdedRelu", 10)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes = [new("alpha", 1.0f)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
        FunctionBody = ThresholdedRelu.BodyV10,
    };

    internal static readonly OperatorSchema V22 = V10 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V10, V22];
}
