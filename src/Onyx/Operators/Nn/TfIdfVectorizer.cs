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
        Inference = InferTfIdfVectorizer,
    };

    /// <summary>Y is (max(ngram_indexes) + 1) for a 1-D input of C items and (N × that) for a 2-D input (N × C).</summary>
    private static void InferTfIdfVectorizer(InferenceContext context)
    {
        IReadOnlyList<long> indexes = context.GetInts("ngram_indexes") ?? throw context.Fail("attribute 'ngram_indexes' is required");
        if (indexes.Count == 0 || indexes.Any(i => i is < 0 or long.MaxValue))
            throw context.Fail("attribute 'ngram_indexes' must be non-empty and hold no negative index");
        string mode = context.GetString("mode", "");
        if (mode is not ("TF" or "IDF" or "TFIDF"))
            throw context.Fail($"attribute 'mode' is '{mode}'; expected TF, IDF or TFIDF");
        var width = new Dim(indexes.Max() + 1);
        Shape? input = context.InputShape(0);
        Shape? output = input switch
        {
            null => null,
            { Rank: 1 } => new Shape([width]),
            { Rank: 2 } => new Shape([input.Dims[0], width]),
            _ => throw context.Fail($"input X has rank {input.Rank}; expected 1 (C) or 2 (N × C)"),
        };
        context.SetOutput(0, DataType.Float, output);
    }

    internal static OperatorSchema[] Versions => [V9];
}
