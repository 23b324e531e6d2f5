using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TextKernels;

public sealed class TfIdfVectorizerTests
{
    // Pool: unigrams 7, 8 (output positions 0, 1) and the bigram (7, 8) (position 2).
    private static Attribute[] Pool(string mode, long min, long max, long skip, params Attribute[] more) =>
    [
        String("mode", mode), Int("min_gram_length", min), Int("max_gram_length", max), Int("max_skip_count", skip),
        Ints("pool_int64s", 7, 8, 7, 8), Ints("ngram_counts", 0, 2), Ints("ngram_indexes", 0, 1, 2), .. more,
    ];

    [Fact]
    public void Counts_unigrams_and_bigrams_per_row()
    {
        OnnxValue y = Run("TfIdfVectorizer", 9, [OnnxValue.FromArray(new long[] { 7, 8, 7, 9, 8, 8 }, 2, 3)], Pool("TF", 1, 2, 0));
        Assert.Equal([2L, 3], y.Dims);
        Assert.Equal([2f, 1, 1, 0, 2, 0], y.ToArray<float>());
    }

    [Fact]
    public void Skips_find_bigrams_apart_but_count_unigrams_once()
    {
        OnnxValue y = Run("TfIdfVectorizer", 9, [OnnxValue.FromArray(new[] { 7, 9, 8 }, 3)], Pool("TF", 1, 2, 1));
        Assert.Equal([1f, 1, 1], y.ToArray<float>());
    }

    [Fact]
    public void Idf_and_tfidf_apply_the_weights()
    {
        // Counts [2, 1, 1]: IDF gives each present n-gram its weight, TFIDF multiplies.
        OnnxValue x = OnnxValue.FromArray(new long[] { 7, 7, 8 }, 3);
        Attribute weights = Attribute.Create("weights", new[] { 0.5f, 2f, 3f });
        Assert.Equal([0.5f, 2, 3], Run("TfIdfVectorizer", 9, [x], Pool("IDF", 1, 2, 0, weights)).ToArray<float>());
        Assert.Equal([1f, 2, 3], Run("TfIdfVectorizer", 9, [x], Pool("TFIDF", 1, 2, 0, weights)).ToArray<float>());
    }

    [Fact]
    public void String_pools_match_string_input()
    {
        OnnxValue y = Run("TfIdfVectorizer", 9, [OnnxValue.FromStrings(["a", "b", "a"], 3)],
            String("mode", "TF"), Int("min_gram_length", 1), Int("max_gram_length", 1), Int("max_skip_count", 0),
            Attribute.Create("pool_strings", ["a", "b"]), Ints("ngram_counts", 0), Ints("ngram_indexes", 1, 0));
        Assert.Equal([1f, 2], y.ToArray<float>());
    }

    [Fact]
    public void Malformed_pools_are_rejected_when_the_session_is_prepared()
    {
        var e = Assert.ThrowsAny<OnyxException>(() => Run("TfIdfVectorizer", 9, [OnnxValue.FromArray(new long[] { 7 }, 1)],
            String("mode", "TF"), Int("min_gram_length", 1), Int("max_gram_length", 2), Int("max_skip_count", 0),
            Ints("pool_int64s", 7, 8, 9), Ints("ngram_counts", 0, 2), Ints("ngram_indexes", 0, 1, 2)));
        Assert.Contains("ngram_counts", e.Message);

        e = Assert.ThrowsAny<OnyxException>(() => Run("TfIdfVectorizer", 9, [OnnxValue.FromArray(new long[] { 7 }, 1)],
            String("mode", "TF"), Int("min_gram_length", 1), Int("max_gram_length", 1), Int("max_skip_count", 0),
            Ints("pool_int64s", 7, 8), Ints("ngram_counts", 0), Ints("ngram_indexes", 0)));
        Assert.Contains("ngram_indexes", e.Message);
    }

    [Fact]
    public void Input_of_the_other_kind_than_the_pool_is_rejected()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => Run("TfIdfVectorizer", 9, [OnnxValue.FromStrings(["a"], 1)], Pool("TF", 1, 2, 0)));
        Assert.Contains("pool_int64s", e.Message);
    }
}
