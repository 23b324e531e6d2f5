namespace Onyx.Operators;

/// <summary>The StringSplit operator (ai.onnx).</summary>
internal static class StringSplit
{
    internal static readonly OperatorSchema V20 = new("StringSplit", 20)
    {
        Inputs = [new("X", "T1")],
        Outputs =
        [
            new("Y", "T2"),
            new("Z", "T3"),
        ],
        Attributes =
        [
            new("delimiter", AttributeType.String),
            new("maxsplit", AttributeType.Int),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(string)"),
            new("T2", "tensor(string)"),
            new("T3", "tensor(int64)"),
        ],
        Inference = StringShapes.StringSplit,
    };

    internal static OperatorSchema[] Versions => [V20];
}
