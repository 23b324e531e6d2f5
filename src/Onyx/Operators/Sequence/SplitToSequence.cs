using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The SplitToSequence operator (ai.onnx).</summary>
internal static class SplitToSequence
{
    internal static readonly OperatorSchema V11 = new("SplitToSequence", 11)
    {
        Inputs =
        [
            new("input", "T"),
            new("split", "I", Optional),
        ],
        Inference = Sequences.InferSplit,
        Outputs = [new("output_sequence", "S")],
        Attributes =
        [
            new("axis", 0L),
            new("keepdims", 1L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("I", "tensor(int32), tensor(int64)"),
            new("S", "seq(tensor(uint8)), seq(tensor(uint16)), seq(tensor(uint32)), seq(tensor(uint64)), seq(tensor(int8)), seq(tensor(int16)), seq(tensor(int32)), seq(tensor(int64)), seq(tensor(float16)), seq(tensor(float)), seq(tensor(double)), seq(tensor(string)), seq(tensor(bool)), seq(tensor(complex64)), seq(tensor(complex128))"),
        ],
    };

    internal static readonly OperatorSchema V24 = V11 with
    {
        SinceVersion = 24,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("I", "tensor(int32), tensor(int64)"),
            new("S", "seq(tensor(uint8)), seq(tensor(uint16)), seq(tensor(uint32)), seq(tensor(uint64)), seq(tensor(int8)), seq(tensor(int16)), seq(tensor(int32)), seq(tensor(int64)), seq(tensor(bfloat16)), seq(tensor(float16)), seq(tensor(float)), seq(tensor(double)), seq(tensor(string)), seq(tensor(bool)), seq(tensor(complex64)), seq(tensor(complex128))"),
        ],
    };

    internal static OperatorSchema[] Versions => [V11, V24];
}
