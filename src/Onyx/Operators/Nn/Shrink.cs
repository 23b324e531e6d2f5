namespace Onyx.Operators;

/// <summary>The Shrink operator (ai.onnx).</summary>
internal static partial class Shrink
{
    internal static readonly OperatorSchema V9 = new("Shrink", 9)
    {
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        Attributes =
        [
            new("bias", 0.0f),
            new("lambd", 0.5f),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
        Inference = ShapeRules.SameAsFirstInput,
        FunctionBody = Shrink.BodyV9,
    };

    internal static OperatorSchema[] Versions => [V9];
}
