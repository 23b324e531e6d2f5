using Onyx.Runtime;
using static Onyx.Tests.Runtime.SequenceKernels.OneNodeModel;

namespace Onyx.Tests.Runtime.TextKernels;

public sealed class TextKernelTests
{
    private static OnnxValue Strings(string[] values, params long[] dims) => OnnxValue.FromTensor(Tensor.FromStrings(values, dims));

    private static OnnxValue Normalize(OnnxValue x, params Attribute[] attributes) => Run("StringNormalizer", 10, [x], attributes: attributes)[0];

    [Fact]
    public void StringNormalizer_drops_stop_words_case_insensitively_then_changes_case()
    {
        OnnxValue y = Normalize(Strings(["Monday", "tuesday", "MONDAY", "wednesday"]),
            Attribute.Create("stopwords", ["monday"]), Attribute.Create("case_change_action", "UPPER"));

        Assert.Equal(["TUESDAY", "WEDNESDAY"], y.Tensor.ToStrings());
        Assert.Equal([2L], y.Dims);
    }

    [Fact]
    public void StringNormalizer_case_sensitive_keeps_other_spellings()
    {
        OnnxValue y = Normalize(Strings(["Monday", "monday"], 1, 2),
            Attribute.Create("stopwords", ["monday"]), Attribute.Create("is_case_sensitive", 1L), Attribute.Create("case_change_action", "LOWER"));

        Assert.Equal(["monday"], y.Tensor.ToStrings());
        Assert.Equal([1L, 1], y.Dims);
    }

    [Theory]
    [InlineData(new long[] { 2 }, new long[] { 1 })]
    [InlineData(new long[] { 1, 2 }, new long[] { 1, 1 })]
    public void StringNormalizer_that_drops_everything_gives_one_empty_string(long[] inputDims, long[] outputDims)
    {
        OnnxValue y = Normalize(Strings(["a", "A"], inputDims), Attribute.Create("stopwords", ["a"]));

        Assert.Equal([""], y.Tensor.ToStrings());
        Assert.Equal(outputDims, y.Dims);
    }

    [Fact]
    public void StringNormalizer_follows_the_locale_casing_rules()
    {
        OnnxValue y = Normalize(Strings(["istanbul"], 1), Attribute.Create("case_change_action", "UPPER"), Attribute.Create("locale", "tr_TR"));

        Assert.Equal(["İSTANBUL"], y.Tensor.ToStrings());
    }

    [Fact]
    public void StringNormalizer_rejects_other_shapes_and_unknown_settings()
    {
        var shape = Assert.Throws<OnnxRuntimeException>(() => Run("StringNormalizer", 10, [Strings(["a", "b", "c", "d"], 2, 2)],
            inputTypes: [TypeInfo.Tensor(DataType.String, "rows", "columns")]));
        var action = Assert.Throws<OnnxRuntimeException>(() => Normalize(Strings(["a"], 1), Attribute.Create("case_change_action", "TITLE")));

        Assert.Contains("'n'", shape.Message);
        Assert.Contains("input 0 ('in0')", shape.Message);
        Assert.Contains("'case_change_action'", action.Message);
    }

    [Fact]
    public void StringConcat_broadcasts_and_keeps_scalars_and_empty_tensors()
    {
        OnnxValue grid = Run1("StringConcat", 20, Strings(["a", "b"], 2, 1), Strings(["x", "y", "z"], 3));
        OnnxValue scalar = Run1("StringConcat", 20, Strings(["é"], []), Strings(["🙂"], []));
        OnnxValue empty = Run1("StringConcat", 20, Strings([], 0, 2), Strings(["x"], 1));

        Assert.Equal(["ax", "ay", "az", "bx", "by", "bz"], grid.Tensor.ToStrings());
        Assert.Equal([2L, 3], grid.Dims);
        Assert.Equal(["é🙂"], scalar.Tensor.ToStrings());
        Assert.Empty(scalar.Dims);
        Assert.Equal([0L, 2], empty.Dims);
    }

    [Fact]
    public void StringConcat_rejects_shapes_that_do_not_broadcast()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() =>
            Run("StringConcat", 20, [Strings(["a", "b"]), Strings(["x", "y", "z"])], inputTypes: [TypeInfo.Tensor(DataType.String, "p"), TypeInfo.Tensor(DataType.String, "q")]));

        Assert.Contains("'n'", error.Message);
        Assert.Contains("[2] and [3]", error.Message);
    }

    private static bool[] FullMatch(string pattern, params string[] values) =>
        Run("RegexFullMatch", 20, [Strings(values)], attributes: [Attribute.Create("pattern", pattern)])[0].ToArray<bool>();

    [Fact]
    public void RegexFullMatch_matches_the_whole_string_only()
    {
        Assert.Equal([true, false, false], FullMatch("a|ab", "ab", "abc", "xab"));
        Assert.Equal([true, false], FullMatch(@"www\.[\w.-]+\.\bcom\b", "www.onnx.com", "www.onnx.com.au"));
    }

    [Fact]
    public void RegexFullMatch_classes_are_ascii_as_in_RE2()
    {
        Assert.Equal([true, false], FullMatch(@"\w+", "abc_1", "café"));
        Assert.Equal([false], FullMatch(@"\d", "٣"));
        Assert.Equal([true], FullMatch(@"\pL+", "café"));
    }

    [Fact]
    public void RegexFullMatch_accepts_RE2_named_groups()
    {
        Assert.Equal([true, false], FullMatch(@"(?P<user>\w+)@(?P<host>\w+)", "me@host", "me@"));
    }

    [Fact]
    public void RegexFullMatch_understands_RE2_quoting_posix_classes_octal_and_flags()
    {
        Assert.Equal([true, false], FullMatch(@"\Qa.b\E+", "a.bb", "axb"));
        Assert.Equal([true, false], FullMatch("[[:alpha:]_][[:digit:][:upper:]]*", "x9Z", "9x"));
        Assert.Equal([true], FullMatch(@"\101\x42\x{43}", "ABC"));
        Assert.Equal([true, false], FullMatch("(?i)ab(?-i:c)", "ABc", "ABC"));
        Assert.Equal([true, false], FullMatch("(?s:a.b)|x", "a\nb", "a\n"));
        Assert.Equal([true], FullMatch("(?m)a$\n^b", "a\nb"));
        Assert.Equal([true, false], FullMatch(@"[^\d\s]+", "ab", "a b"));
        Assert.Equal([true, true, false], FullMatch("x(ab|cd)e", "xabe", "xcde", "xab"));
    }

    [Fact]
    public void RegexFullMatch_dot_takes_one_code_point_as_RE2_over_UTF8()
    {
        Assert.Equal([true, false], FullMatch("a.b", "a\U0001F600b", "a\U0001F600\U0001F600b"));
        Assert.Equal([true], FullMatch("[^x]{2}", "\U0001F600y"));
    }

    [Theory]
    [InlineData(@"(a)\1", "backreference")]
    [InlineData("a(?=b)", "Perl syntax")]
    [InlineData("a(?<!b)", "lookbehind")]
    [InlineData("(?>a)", "Perl syntax")]
    [InlineData("a**", "bad repetition operator")]
    [InlineData("a*+", "bad repetition operator")]
    [InlineData("a{1001}", "bad repetition operator")]
    [InlineData("(a{100}){11}", "nested repeat counts")]
    [InlineData("*a", "missing argument")]
    [InlineData(@"a\Z", "invalid escape sequence")]
    [InlineData("[z-a]", "bad character class range")]
    [InlineData("[a", "missing ]")]
    [InlineData("a)", "unexpected )")]
    [InlineData("(?P<n>a)(?P<n>b)", "duplicate capture group name")]
    [InlineData(@"\p{Greek}", "general categories")]
    public void RegexFullMatch_rejects_what_RE2_rejects(string pattern, string reason)
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => FullMatch(pattern, "a"));

        Assert.Contains("not a valid RE2 pattern", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void RegexFullMatch_runs_in_linear_time_on_a_pattern_that_makes_backtrackers_explode()
    {
        // (a+)+b against many a's and no b backtracks exponentially; RE2 and a non-backtracking engine do not.
        Assert.Equal([false], FullMatch("(a+)+b", new string('a', 5000)));
    }

    [Fact]
    public void RegexFullMatch_of_an_empty_tensor_is_empty()
    {
        OnnxValue y = Run("RegexFullMatch", 20, [Strings([], 0, 3)], attributes: [Attribute.Create("pattern", "a")])[0];

        Assert.Equal([0L, 3], y.Dims);
    }

    [Fact]
    public void RegexFullMatch_with_an_invalid_pattern_fails_when_the_session_is_built()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => FullMatch("(a", "a"));

        Assert.Contains("'n'", error.Message);
        Assert.Contains("'pattern'", error.Message);
    }

    private static (string[] Pieces, long[] Dims, long[] Counts) Split(OnnxValue x, params Attribute[] attributes)
    {
        OnnxValue[] outputs = Run("StringSplit", 20, [x], outputCount: 2, attributes: attributes);
        return (outputs[0].Tensor.ToStrings(), [.. outputs[0].Dims], outputs[1].ToArray<long>());
    }

    [Fact]
    public void StringSplit_on_a_delimiter_keeps_empty_pieces_and_pads()
    {
        (string[] pieces, long[] dims, long[] counts) = Split(Strings(["a::b", "::", "c"]), Attribute.Create("delimiter", "::"));

        Assert.Equal(["a", "b", "", "", "c", ""], pieces);
        Assert.Equal([3L, 2], dims);
        Assert.Equal([2L, 2, 1], counts);
    }

    [Fact]
    public void StringSplit_on_whitespace_drops_runs_and_ends_and_maxsplit_keeps_the_rest()
    {
        (string[] pieces, _, long[] counts) = Split(Strings(["  a  b c ", "", "   "]), Attribute.Create("maxsplit", 1L));

        Assert.Equal(["a", "b c ", "", "", "", ""], pieces);
        Assert.Equal([2L, 0, 0], counts);
    }

    [Fact]
    public void StringSplit_of_a_scalar_and_of_an_empty_tensor()
    {
        (string[] scalarPieces, long[] scalarDims, long[] scalarCounts) = Split(Strings(["x,y"], []), Attribute.Create("delimiter", ","));
        (string[] emptyPieces, long[] emptyDims, long[] emptyCounts) = Split(Strings([], 0));

        Assert.Equal(["x", "y"], scalarPieces);
        Assert.Equal([2L], scalarDims);
        Assert.Equal([2L], scalarCounts);
        Assert.Empty(emptyPieces);
        Assert.Equal([0L, 0], emptyDims);
        Assert.Empty(emptyCounts);
    }
}
