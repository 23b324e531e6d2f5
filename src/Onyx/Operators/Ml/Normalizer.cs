namespace Onyx.Operators;

/// <summary>The Normalizer operator (ai.onnx.ml).</summary>
internal static class Normalizer
{
    internal static readonly OperatorSchema V1 = new("Normalizer", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "tensor(float)")],
        Attributes = [new("norm", "MAX")],
        TypeConstraints = [new("T", "tensor(float), tensor(double), tensor(int64), tensor(int32)")],
        Inference = MlShapes.FloatOfInputShape,
    };

    internal static OperatorSchema[] Versions => [V1];
}
