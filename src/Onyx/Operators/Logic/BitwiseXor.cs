namespace Onyx.Operators;

/// <summary>The BitwiseXor operator (ai.onnx).</summary>
internal static class BitwiseXor
{
    internal static readonly OperatorSchema V18 = new("BitwiseXor", 18)
    {
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
        ],
        Outputs = [new("C", "T")],
        Inference = context => Arithmetic.Infer(context),
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V18];
}
