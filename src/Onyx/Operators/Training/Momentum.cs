using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Momentum operator (ai.onnx.preview.training).</summary>
internal static class Momentum
{
    internal static readonly OperatorSchema V1 = new("Momentum", 1, "ai.onnx.preview.training")
    {
        Inputs =
        [
            new("R", "T1"),
            new("T", "T2"),
            new("inputs", "T3", Variadic, Homogeneous: false),
        ],
        Outputs = [new("outputs", "T3", Variadic, Homogeneous: false)],
        Attributes =
        [
            new("alpha", AttributeType.Float, Required: true),
            new("beta", AttributeType.Float, Required: true),
            new("mode", AttributeType.String, Required: true),
            new("norm_coefficient", AttributeType.Float, Required: true),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(double)"),
            new("T2", "tensor(int64)"),
            new("T3", "tensor(float), tensor(double)"),
        ],
        Inference = OptimizerShapes.WithStates(1),
    };

    internal static OperatorSchema[] Versions => [V1];
}
