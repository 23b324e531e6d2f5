using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The STFT operator (ai.onnx).</summary>
internal static class STFT
{
    internal static readonly OperatorSchema V17 = new("STFT", 17)
    {
        Inputs =
        [
            new("signal", "T1"),
            new("frame_step", "T2"),
            new("window", "T1", Optional),
            new("frame_length", "T2", Optional),
        ],
        Outputs = [new("output", "T1")],
        Attributes = [new("onesided", 1L)],
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(float16), tensor(double), tensor(bfloat16)"),
            new("T2", "tensor(int32), tensor(int64)"),
        ],
        Inference = SignalShapes.Stft,
    };

    internal static OperatorSchema[] Versions => [V17];
}
