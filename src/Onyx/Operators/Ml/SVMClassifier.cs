namespace Onyx.Operators;

/// <summary>The SVMClassifier operator (ai.onnx.ml).</summary>
internal static class SVMClassifier
{
    internal static readonly OperatorSchema V1 = new("SVMClassifier", 1, "ai.onnx.ml")
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
            new("coefficients", AttributeType.Floats),
            new("kernel_params", AttributeType.Floats),
            new("kernel_type", "LINEAR"),
            new("post_transform", "NONE"),
            new("prob_a", AttributeType.Floats),
            new("prob_b", AttributeType.Floats),
            new("rho", AttributeType.Floats),
            new("support_vectors", AttributeType.Floats),
            new("vectors_per_class", AttributeType.Ints),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(double), tensor(int64), tensor(int32)"),
            new("T2", "tensor(string), tensor(int64)"),
        ],
        Inference = MlModelShapes.Classifier,
    };

    internal static OperatorSchema[] Versions => [V1];
}
