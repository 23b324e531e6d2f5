using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Gradient operator (ai.onnx.preview.training).</summary>
internal static class Gradient
{
    internal static readonly OperatorSchema V1 = new("Gradient", 1, "ai.onnx.preview.training")
    {
        Inputs = [new("Inputs", "T1", Variadic, Homogeneous: false)],
        Outputs = [new("Outputs", "T2", Variadic, Homogeneous: false)],
        Attributes =
        [
            new("xs", AttributeType.Strings, Required: true),
            new("y", AttributeType.String, Required: true),
            new("zs", AttributeType.Strings),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T2", "tensor(float16), tensor(float), tensor(double)"),
        ],
        Inference = GradientShapes.Gradient,
    };

    internal static OperatorSchema[] Versions => [V1];
}
