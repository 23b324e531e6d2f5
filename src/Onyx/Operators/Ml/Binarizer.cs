namespace Onyx.Operators;

/// <summary>The Binarizer operator (ai.onnx.ml).</summary>
internal static class Binarizer
{
    internal static readonly OperatorSchema V1 = new("Binarizer", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes = [new("threshold", 0.0f)],
        TypeConstraints = [new("T", "tensor(float), tensor(double), tensor(int64), tensor(int32)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static OperatorSchema[] Versions => [V1];
}
