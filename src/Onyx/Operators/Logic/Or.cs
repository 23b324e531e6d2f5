namespace Onyx.Operators;

/// <summary>The Or operator (ai.onnx).</summary>
internal static class Or
{
    internal static readonly OperatorSchema V1 = new("Or", 1)
    {
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
        ],
        Outputs = [new("C", "T1")],
        Inference = Comparison.InferLegacyBroadcast,
        Attributes =
        [
            new("axis", AttributeType.Int),
            new("broadcast", 0L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(bool)"),
            new("T1", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V7 = V1 with
    {
        SinceVersion = 7,
        Inference = Comparison.Infer,
        Attributes = [],
    };

    internal static OperatorSchema[] Versions => [V1, V7];
}
