using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The SequenceErase operator (ai.onnx).</summary>
internal static class SequenceErase
{
    internal static readonly OperatorSchema V11 = new("SequenceErase", 11)
    {
        Inputs =
        [
            new("input_sequence", "S"),
            new("position", "I", Optional),
        ],
        Inference = Sequences.InferSameSequence,
        Outputs = [new("output_sequence", "S")],
        TypeConstraints =
        [
            new("S", "seq(tensor(uint8)), seq(tensor(uint16)), seq(tensor(uint32)), seq(tensor(uint64)), seq(tensor(int8)), seq(tensor(int16)), seq(tensor(int32)), seq(tensor(int64)), seq(tensor(float16)), seq(tensor(float)), seq(tensor(double)), seq(tensor(string)), seq(tensor(bool)), seq(tensor(complex64)), seq(tensor(complex128))"),
            new("I", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V11];
}
