namespace Onyx.Operators;

/// <summary>The LinearRegressor operator (ai.onnx.ml).</summary>
internal static class LinearRegressor
{
    internal static readonly OperatorSchema V1 = new("LinearRegressor", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "tensor(float)")],
        Attributes =
        [
            new("coefficients", AttributeType.Floats),
            new("intercepts", AttributeType.Floats),
            new("post_transform", "NONE"),
            new("targets", 1L),
        ],
        TypeConstraints = [new("T", "tensor(float), tensor(double), tensor(int64), tensor(int32)")],
        Inference = MlModelShapes.Regressor("targets"),
    };

    internal static OperatorSchema[] Versions => [V1];
}
