using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Adagrad operator (ai.onnx.preview.training).</summary>
internal static class Adagrad
{
    internal static readonly OperatorSchema V1 = new("Adagrad", 1, "ai.onnx.preview.training")
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
            new("decay_factor", 0.0f),
            new("epsilon", 0.0f),
            new("norm_coefficient", 0.0f),
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
