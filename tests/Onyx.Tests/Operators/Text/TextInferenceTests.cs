namespace Onyx.Tests.Operators.TextOperators;

public sealed class TextInferenceTests
{
    private static string[] Outputs(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, int outputCount = 1, params Attribute[] attributes) =>
        OneNodeInference.Outputs(opType, inputs, 20, outputCount, attributes);

    private static string Problem(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, params Attribute[] attributes) =>
        Assert.Throws<ShapeInferenceException>(() => Outputs(opType, inputs, 1, attributes)).Problem;

    private static Func<GraphBuilder, IEnumerable<string>> Strings(params Dim[] dims) => g => [g.AddInput("x", DataType.String, dims)];

    private static readonly Attribute[] TfIdf =
    [
        Attribute.Create("mode", "TF"), Attribute.Create("min_gram_length", 1L), Attribute.Create("max_gram_length", 1L),
        Attribute.Create("max_skip_count", 0L), Attribute.Create("ngram_counts", new[] { 0L }), Attribute.Create("ngram_indexes", new[] { 0L, 4L, 1L }),
        Attribute.Create("pool_int64s", new[] { 7L, 8L, 9L }),
    ];

    private static Attribute[] TfIdfWith(Attribute replacement) => [.. TfIdf.Where(a => a.Name != replacement.Name), replacement];

    [Fact]
    public void StringNormalizer_makes_the_word_count_unknown()
    {
        Assert.Equal(["tensor(string)[?]"], Outputs("StringNormalizer", Strings(5), 1, Attribute.Create("stopwords", new[] { "a" })));
    }

    [Fact]
    public void StringNormalizer_keeps_the_leading_one_of_a_1_by_c_input()
    {
        Assert.Equal(["tensor(string)[1,?]"], Outputs("StringNormalizer", Strings(1, "C")));
    }

    [Theory]
    [InlineData(new long[] { 2, 3 }, "found [2,3]")]
    [InlineData(new long[] { 1, 2, 3 }, "found [1,2,3]")]
    public void StringNormalizer_rejects_shapes_other_than_c_or_1_by_c(long[] dims, string expected)
    {
        string problem = Problem("StringNormalizer", Strings([.. dims.Select(d => new Dim(d))]));
        Assert.Contains("[C] or [1, C], " + expected, problem);
    }

    [Fact]
    public void StringSplit_appends_an_unknown_axis_and_counts_per_element()
    {
        Assert.Equal(["tensor(string)[N,2,?]", "tensor(int64)[N,2]"], Outputs("StringSplit", Strings("N", 2), 2, Attribute.Create("delimiter", ",")));
    }

    [Fact]
    public void StringConcat_broadcasts()
    {
        Assert.Equal(["tensor(string)[N,3]"], Outputs("StringConcat", g => [g.AddInput("x", DataType.String, "N", 1), g.AddInput("y", DataType.String, 3)]));
    }

    [Fact]
    public void StringConcat_rejects_shapes_that_do_not_broadcast()
    {
        Assert.Throws<ShapeInferenceException>(() => Outputs("StringConcat", g => [g.AddInput("x", DataType.String, 2), g.AddInput("y", DataType.String, 3)]));
    }

    [Fact]
    public void RegexFullMatch_gives_one_bool_per_string()
    {
        Assert.Equal(["tensor(bool)[N,4]"], Outputs("RegexFullMatch", Strings("N", 4), 1, Attribute.Create("pattern", "a+")));
    }

    [Fact]
    public void TfIdfVectorizer_width_is_one_past_the_largest_ngram_index()
    {
        Assert.Equal(["tensor(float)[N,5]"], Outputs("TfIdfVectorizer", g => [g.AddInput("x", DataType.Int64, "N", 6)], 1, TfIdf));
        Assert.Equal(["tensor(float)[5]"], Outputs("TfIdfVectorizer", g => [g.AddInput("x", DataType.Int32, 6)], 1, TfIdf));
    }

    [Fact]
    public void TfIdfVectorizer_rejects_an_unknown_mode()
    {
        string problem = Problem("TfIdfVectorizer", g => [g.AddInput("x", DataType.Int64, 6)], TfIdfWith(Attribute.Create("mode", "BM25")));
        Assert.Contains("'mode' is 'BM25'", problem);
    }

    [Fact]
    public void TfIdfVectorizer_rejects_a_negative_ngram_index()
    {
        string problem = Problem("TfIdfVectorizer", g => [g.AddInput("x", DataType.Int64, 6)], TfIdfWith(Attribute.Create("ngram_indexes", new[] { 0L, -1L })));
        Assert.Contains("'ngram_indexes'", problem);
    }

    [Fact]
    public void TfIdfVectorizer_rejects_a_rank_3_input()
    {
        string problem = Problem("TfIdfVectorizer", g => [g.AddInput("x", DataType.Int64, 1, 2, 6)], TfIdf);
        Assert.Contains("rank 3", problem);
    }
}
