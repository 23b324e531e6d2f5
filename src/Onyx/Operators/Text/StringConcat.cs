namespace Onyx.Operators;

/// <summary>The StringConcat operator (ai.onnx).</summary>
internal static class StringConcat
{
    internal static readonly OperatorSchema V20 = new("StringConcat", 20)
    {
        Inputs =
        [
            new("X", "T"),
            new("Y", "T"),
        ],
        Outputs = [new("Z", "T")],
        TypeConstraints = [new("T", "tensor(string)")],
        Inference = StringShapes.StringConcat,
    };

    internal static OperatorSchema[] Versions => [V20];
}
