namespace Onyx.Operators;

/// <summary>The Erf operator (ai.onnx).</summary>
internal static class Erf
{
    internal static readonly OperatorSchema V9 = new("Erf", 9)
    {
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V13 = V9 with
    {
        SinceVersion = 13,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V9, V13];
}
