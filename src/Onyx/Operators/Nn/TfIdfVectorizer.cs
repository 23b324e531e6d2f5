namespace Onyx.Operators;

/// <summary>The TfIdfVectorizer operator (ai.onnx).</summary>
internal static class TfIdfVectorizer
{
    internal static readonly OperatorSchema V9 = new("TfIdfVectorizer", 9)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T1")],
        Attributes =
        [
            new("max_gram_length", AttributeType.Int, Required: true),
            new("max_skip_count", AttributeType.Int, Required: true),
            new("min_gram_length", AttributeType.Int, Required: true),
            new("mode", AttributeType.String, Required: true),
            new("ngram_counts", AttributeType.Ints, Required: true),
            new("ngram_indexes", AttributeType.Ints, Required: true),
            new("pool_int64s", AttributeType.Ints),
            new("pool_strings", AttributeType.Strings),
            new("weights", AttributeType.Floats),
        ],
        TypeConstraints =
        [
            new("T", "tensor(string), tensor(int32), tensor(int64)"),
            new("T1", "tensor(float)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V9];
}
