namespace Onyx.Operators;

/// <summary>The BitShift operator (ai.onnx).</summary>
internal static class BitShift
{
    internal static readonly OperatorSchema V11 = new("BitShift", 11)
    {
        Inputs =
        [
            new("X", "T"),
            new("Y", "T"),
        ],
        Outputs = [new("Z", "T")],
        Inference = context => Arithmetic.Infer(context),
        Attributes = [new("direction", AttributeType.String, Required: true)],
        TypeConstraints = [new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64)")],
    };

    internal static OperatorSchema[] Versions => [V11];
}
