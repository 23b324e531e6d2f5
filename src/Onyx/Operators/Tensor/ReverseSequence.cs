namespace Onyx.Operators;

/// <summary>The ReverseSequence operator (ai.onnx).</summary>
internal static class ReverseSequence
{
    internal static readonly OperatorSchema V10 = new("ReverseSequence", 10)
    {
        Inputs =
        [
            new("input", "T"),
            new("sequence_lens", "tensor(int64)"),
        ],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("batch_axis", 1L),
            new("time_axis", 0L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V10];
}
