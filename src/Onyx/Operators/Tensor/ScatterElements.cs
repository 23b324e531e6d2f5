namespace Onyx.Operators;

/// <summary>The ScatterElements operator (ai.onnx).</summary>
internal static class ScatterElements
{
    internal static readonly OperatorSchema V11 = new("ScatterElements", 11)
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

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V16 = V13 with
    {
        SinceVersion = 16,
        Attributes =
        [
            new("axis", 0L),
            new("reduction", "none"),
        ],
    };

    internal static readonly OperatorSchema V18 = V16 with { SinceVersion = 18 };

    internal static OperatorSchema[] Versions => [V11, V13, V16, V18];
}
