namespace Onyx.Operators;

/// <summary>The RegexFullMatch operator (ai.onnx).</summary>
internal static class RegexFullMatch
{
    internal static readonly OperatorSchema V20 = new("RegexFullMatch", 20)
    {
        Inputs = [new("X", "T1")],
        Outputs = [new("Y", "T2")],
        Attributes = [new("pattern", AttributeType.String)],
        TypeConstraints =
        [
            new("T1", "tensor(string)"),
            new("T2", "tensor(bool)"),
        ],
        Inference = StringShapes.RegexFullMatch,
    };

    internal static OperatorSchema[] Versions => [V20];
}
