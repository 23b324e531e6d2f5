namespace Onyx.Operators;

/// <summary>The Tile operator (ai.onnx).</summary>
internal static class Tile
{
    internal static readonly OperatorSchema V1 = new("Tile", 1)
    {
        Inputs =
        [
            new("input", "T"),
            new("tiles", "T"),
            new("axis", "T"),
        ],
        Outputs = [new("output", "T")],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double)"),
            new("T1", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Inputs =
        [
            new("input", "T"),
            new("repeats", "T1"),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T1", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V6 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T1", "tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V6, V13];
}
