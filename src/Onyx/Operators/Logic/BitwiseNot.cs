namespace Onyx.Operators;

/// <summary>The BitwiseNot operator (ai.onnx).</summary>
internal static class BitwiseNot
{
    internal static readonly OperatorSchema V18 = new("BitwiseNot", 18)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Inference = ShapeRules.SameAsFirstInput,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V18];
}
