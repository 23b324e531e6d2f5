using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Adam operator (ai.onnx.preview.training).</summary>
internal static class Adam
{
    internal static readonly OperatorSchema V1 = new("Adam", 1, "ai.onnx.preview.training")
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
            new("alpha", 0.9f),
            new("beta", 0.999f),
            new("epsilon", 0.0f),
            new("norm_coefficient", 0.0f),
            new("norm_coefficient_post", 0.0f),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(double)"),
            new("T2", "tensor(int64)"),
            new("T3", "tensor(float), tensor(double)"),
        ],
        Inference = OptimizerShapes.WithStates(2),
    };

    internal static OperatorSchema[] Versions => [V1];
}
