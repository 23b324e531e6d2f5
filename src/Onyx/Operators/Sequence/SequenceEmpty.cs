namespace Onyx.Operators;

/// <summary>The SequenceEmpty operator (ai.onnx).</summary>
internal static class SequenceEmpty
{
    internal static readonly OperatorSchema V11 = new("SequenceEmpty", 11)
    {
        Inference = Sequences.InferEmpty,
        Outputs = [new("output", "S")],
        Attributes = [new("dtype", AttributeType.Int)],
        TypeConstraints =
        [
            new("S", "seq(tensor(uint8)), seq(tensor(uint16)), seq(tensor(uint32)), seq(tensor(uint64)), seq(tensor(int8)), seq(tensor(int16)), seq(tensor(int32)), seq(tensor(int64)), seq(tensor(float16)), seq(tensor(float)), seq(tensor(double)), seq(tensor(string)), seq(tensor(bool)), seq(tensor(complex64)), seq(tensor(complex128))"),
        ],
    };

    internal static OperatorSchema[] Versions => [V11];
}
