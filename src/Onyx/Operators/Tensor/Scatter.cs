namespace Onyx.Operators;

/// <summary>The Scatter operator (ai.onnx).</summary>
internal static class Scatter
{
    internal static readonly OperatorSchema V9 = new("Scatter", 9)
    {
        Inference = ScatterShapes.InferElements,
        Inputs =
        [
            new("data", "T"),
            new("indices", "Tind"),
            new("updates", "T"),
        ],
        Outputs = [new("output", "T")],
        Attributes = [new("axis", 0L)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V9 with
    {
        SinceVersion = 11,
        Deprecated = true,
        Inputs = [],
        Outputs = [],
        Attributes = [],
        TypeConstraints = [],
    };

    internal static OperatorSchema[] Versions => [V9, V11];
}
