namespace Onyx.Operators;

/// <summary>The SVMRegressor operator (ai.onnx.ml).</summary>
internal static class SVMRegressor
{
    internal static readonly OperatorSchema V1 = new("SVMRegressor", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "tensor(float)")],
        Attributes =
        [
            new("coefficients", AttributeType.Floats),
            new("kernel_params", AttributeType.Floats),
            new("kernel_type", "LINEAR"),
            new("n_supports", 0L),
            new("one_class", 0L),
            new("post_transform", "NONE"),
            new("rho", AttributeType.Floats),
            new("support_vectors", AttributeType.Floats),
        ],
        TypeConstraints = [new("T", "tensor(float), tensor(double), tensor(int64), tensor(int32)")],
        Inference = MlModelShapes.SingleTarget,
    };

    internal static OperatorSchema[] Versions => [V1];
}
