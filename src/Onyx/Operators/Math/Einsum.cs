using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Einsum operator (ai.onnx).</summary>
internal static class Einsum
{
    internal static readonly OperatorSchema V12 = new("Einsum", 12)
    {
        Inputs = [new("Inputs", "T", Variadic)],
        Outputs = [new("Output", "T")],
        Attributes = [new("equation", AttributeType.String, Required: true)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V12];
}
