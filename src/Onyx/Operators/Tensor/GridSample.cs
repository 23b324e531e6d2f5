namespace Onyx.Operators;

/// <summary>The GridSample operator (ai.onnx).</summary>
internal static class GridSample
{
    internal static readonly OperatorSchema V16 = new("GridSample", 16)
    {
        Inputs =
        [
            new("X", "T1"),
            new("grid", "T2"),
        ],
        Outputs = [new("Y", "T1")],
        Attributes =
        [
            new("align_corners", 0L),
            new("mode", "bilinear"),
            new("padding_mode", "zeros"),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T2", "tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V20 = V16 with
    {
        SinceVersion = 20,
        Attributes =
        [
            new("align_corners", 0L),
            new("mode", "linear"),
            new("padding_mode", "zeros"),
        ],
    };

    internal static readonly OperatorSchema V22 = V20 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T2", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V16, V20, V22];
}
