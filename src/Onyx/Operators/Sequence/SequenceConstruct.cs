using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The SequenceConstruct operator (ai.onnx).</summary>
internal static class SequenceConstruct
{
    internal static readonly OperatorSchema V11 = new("SequenceConstruct", 11)
    {
        Inputs = [new("inputs", "T", Variadic)],
        Inference = Sequences.InferConstruct,
        Outputs = [new("output_sequence", "S")],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("S", "seq(tensor(uint8)), seq(tensor(uint16)), seq(tensor(uint32)), seq(tensor(uint64)), seq(tensor(int8)), seq(tensor(int16)), seq(tensor(int32)), seq(tensor(int64)), seq(tensor(float16)), seq(tensor(float)), seq(tensor(double)), seq(tensor(string)), seq(tensor(bool)), seq(tensor(complex64)), seq(tensor(complex128))"),
        ],
    };

    internal static OperatorSchema[] Versions => [V11];
}
