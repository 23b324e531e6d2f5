namespace Onyx.Operators;

/// <summary>The StringNormalizer operator (ai.onnx).</summary>
internal static class StringNormalizer
{
    internal static readonly OperatorSchema V10 = new("StringNormalizer", 10)
    {
        Inputs = [new("X", "tensor(string)")],
        Outputs = [new("Y", "tensor(string)")],
        Attributes =
        [
            new("case_change_action", "NONE"),
            new("is_case_sensitive", 0L),
            new("locale", AttributeType.String),
            new("stopwords", AttributeType.Strings),
        ],
        Inference = StringShapes.StringNormalizer,
    };

    internal static OperatorSchema[] Versions => [V10];
}
