namespace Onyx.Operators;

/// <summary>The Scaler operator (ai.onnx.ml).</summary>
internal static class Scaler
{
    internal static readonly OperatorSchema V1 = new("Scaler", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "tensor(float)")],
        Attributes =
        [
            new("offset", AttributeType.Floats),
            new("scale", AttributeType.Floats),
        ],
        TypeConstraints = [new("T", "tensor(float), tensor(double), tensor(int64), tensor(int32)")],
        Inference = MlShapes.FloatOfInputShape,
    };

    internal static OperatorSchema[] Versions => [V1];
}
