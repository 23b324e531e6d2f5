namespace Onyx.Operators;

/// <summary>The MelWeightMatrix operator (ai.onnx).</summary>
internal static class MelWeightMatrix
{
    internal static readonly OperatorSchema V17 = new("MelWeightMatrix", 17)
    {
        Inputs =
        [
            new("num_mel_bins", "T1"),
            new("dft_length", "T1"),
            new("sample_rate", "T1"),
            new("lower_edge_hertz", "T2"),
            new("upper_edge_hertz", "T2"),
        ],
        Outputs = [new("output", "T3")],
        Attributes = [new("output_datatype", 1L)],
        TypeConstraints =
        [
            new("T1", "tensor(int32), tensor(int64)"),
            new("T2", "tensor(float), tensor(float16), tensor(double), tensor(bfloat16)"),
            new("T3", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
        Inference = SignalShapes.MelWeightMatrix,
    };

    internal static OperatorSchema[] Versions => [V17];
}
