using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The DFT operator (ai.onnx).</summary>
internal static class DFT
{
    internal static readonly OperatorSchema V17 = new("DFT", 17)
    {
        Inputs =
        [
            new("input", "T1"),
            new("dft_length", "T2", Optional),
        ],
        Outputs = [new("output", "T1")],
        Attributes =
        [
            new("axis", 1L),
            new("inverse", 0L),
            new("onesided", 0L),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("T2", "tensor(int32), tensor(int64)"),
        ],
        Inference = SignalShapes.Dft,
    };

    internal static readonly OperatorSchema V20 = V17 with
    {
        SinceVersion = 20,
        Inputs =
        [
            new("input", "T1"),
            new("dft_length", "T2", Optional),
            new("axis", "tensor(int64)", Optional),
        ],
        Attributes =
        [
            new("inverse", 0L),
            new("onesided", 0L),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V17, V20];
}
