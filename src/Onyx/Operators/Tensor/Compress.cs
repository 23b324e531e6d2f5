namespace Onyx.Operators;

/// <summary>The Compress operator (ai.onnx).</summary>
internal static class Compress
{
    internal static readonly OperatorSchema V9 = new("Compress", 9)
    {
        Inputs =
        [
            new("input", "T"),
            new("condition", "T1"),
        ],
        Outputs = [new("output", "T")],
        Attributes = [new("axis", AttributeType.Int)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T1", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V9 with { SinceVersion = 11 };

    internal static OperatorSchema[] Versions => [V9, V11];
}
