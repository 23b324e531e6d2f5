namespace Onyx.Operators;

/// <summary>The ArrayFeatureExtractor operator (ai.onnx.ml).</summary>
internal static class ArrayFeatureExtractor
{
    internal static readonly OperatorSchema V1 = new("ArrayFeatureExtractor", 1, "ai.onnx.ml")
    {
        Inputs =
        [
            new("X", "T"),
            new("Y", "tensor(int64)"),
        ],
        Outputs = [new("Z", "T")],
        TypeConstraints =
        [
            new("T", "tensor(float), tensor(double), tensor(int64), tensor(int32), tensor(string)"),
        ],
        Inference = MlShapes.ArrayFeatureExtractor,
    };

    internal static OperatorSchema[] Versions => [V1];
}
