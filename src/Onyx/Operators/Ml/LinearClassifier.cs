namespace Onyx.Operators;

/// <summary>The LinearClassifier operator (ai.onnx.ml).</summary>
internal static class LinearClassifier
{
    internal static readonly OperatorSchema V1 = new("LinearClassifier", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T1")],
        Outputs =
        [
            new("Y", "T2"),
            new("Z", "tensor(float)"),
        ],
        Attributes =
        [
            new("classlabels_ints", AttributeType.Ints),
            new("classlabels_strings", AttributeType.Strings),
            new("coefficients", AttributeType.Floats, Required: true),
            new("intercepts", AttributeType.Floats),
            new("multi_class", 0L),
            new("post_transform", "NONE"),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(double), tensor(int64), tensor(int32)"),
            new("T2", "tensor(string), tensor(int64)"),
        ],
        Inference = MlModelShapes.LinearClassifier,
    };

    internal static OperatorSchema[] Versions => [V1];
}
