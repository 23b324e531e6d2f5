namespace Onyx.Operators;

/// <summary>The OneHot operator (ai.onnx).</summary>
internal static class OneHot
{
    internal static readonly OperatorSchema V9 = new("OneHot", 9)
    {
        Inputs =
        [
            new("indices", "T1"),
            new("depth", "T2"),
            new("values", "T3"),
        ],
        Outputs = [new("output", "T3")],
        Attributes = [new("axis", -1L)],
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
            new("T3", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V9 with { SinceVersion = 11 };

    internal static OperatorSchema[] Versions => [V9, V11];
}
