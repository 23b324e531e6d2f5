using System.Text;

namespace Onyx.Runtime.Kernels.Text;

/// <summary>
/// TfIdfVectorizer (v9): counts, per row of the input, the n-grams of the pool (lengths min_gram_length to
/// max_gram_length, their items skip_distance apart for every distance 1 to max_skip_count + 1; unigrams counted
/// once), each into its output position ngram_indexes[k]; then TF keeps the counts, IDF gives the weight (or 1) where
/// the count is positive, TFIDF multiplies the count by the weight (or 1).
/// </summary>
internal sealed class TfIdfVectorizerKernel : Kernel
{
    /// <summary>A trie over the pool's n-grams: a token leads on; where an n-gram of the pool ends, its output position.</summary>
    private sealed class Gram
    {
        public Dictionary<string, Gram> Next { get; } = new(StringComparer.Ordinal);
        public int Output { get; set; } = -1;
    }

    private enum Weighting { Tf, Idf, TfIdf }

    private readonly Gram _pool = new();
    private readonly bool _strings;
    private readonly int _minLength, _maxLength, _maxSkip, _outputSize;
    private readonly Weighting _weighting;
    private readonly float[]? _weights;

    private TfIdfVectorizerKernel(KernelNode node)
    {
        NodeAttributes a = node.Attributes;
        _minLength = (int)(a.Int("min_gram_length") ?? throw node.Fail("attribute 'min_gram_length' is required"));
        _maxLength = (int)(a.Int("max_gram_length") ?? throw node.Fail("attribute 'max_gram_length' is required"));
        _maxSkip = (int)(a.Int("max_skip_count") ?? throw node.Fail("attribute 'max_skip_count' is required"));
        if (_minLength < 1 || _maxLength < _minLength || _maxSkip < 0)
            throw node.Fail($"gram lengths {_minLength}..{_maxLength} and max_skip_count {_maxSkip}: lengths must satisfy 1 <= min <= max, and the skip count must not be negative");
        _weighting = (a.String("mode") ?? throw node.Fail("attribute 'mode' is required")) switch
        {
            "TF" => Weighting.Tf,
            "IDF" => Weighting.Idf,
            "TFIDF" => Weighting.TfIdf,
            var mode => throw node.Fail($"attribute 'mode' is '{mode}'; expected TF, IDF or TFIDF"),
        };
        IReadOnlyList<long>? ints = a.Ints("pool_int64s");
        IReadOnlyList<string>? strings = a.Strings("pool_strings");
        if ((ints is null) == (strings is null))
            throw node.Fail("exactly one of the attributes 'pool_int64s' and 'pool_strings' must be given");
        _strings = strings is not null;
        string[] pool = strings is not null ? [.. strings.Select(s => "s" + s)] : [.. ints!.Select(i => "i" + i)];
        long[] counts = [.. a.Ints("ngram_counts") ?? throw node.Fail("attribute 'ngram_counts' is required")];
        long[] indexes = [.. a.Ints("ngram_indexes") ?? throw node.Fail("attribute 'ngram_indexes' is required")];
        if (indexes.Length == 0 || indexes.Any(i => i < 0 || i >= int.MaxValue))
            throw node.Fail("attribute 'ngram_indexes' must hold one non-negative output position per n-gram of the pool");
        _outputSize = (int)indexes.Max() + 1;
        Build(node, pool, counts, indexes);
        _weights = a.Floats("weights")?.ToArray();
        if (_weights is not null && _weights.Length < _outputSize)
            throw node.Fail($"attribute 'weights' has {_weights.Length} values; expected one per output position ({_outputSize})");
    }

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("TfIdfVectorizer", node => new TfIdfVectorizerKernel(node))];

    /// <summary>Fills the trie: the pool holds the 1-grams from ngram_counts[0], the 2-grams from ngram_counts[1], and so on.</summary>
    private void Build(KernelNode node, string[] pool, long[] counts, long[] indexes)
    {
        int id = 0;
        for (int size = 1; size <= counts.Length; size++)
        {
            long start = counts[size - 1], end = size < counts.Length ? counts[size] : pool.Length;
            if (start < 0 || end < start || end > pool.Length || (end - start) % size != 0)
                throw node.Fail($"attribute 'ngram_counts' gives the {size}-grams pool items {start} to {end}; expected an ascending split of the {pool.Length} items into whole {size}-grams");
            for (long first = start; first < end; first += size, id++)
            {
                if (id >= indexes.Length)
                    throw node.Fail($"attribute 'ngram_indexes' has {indexes.Length} values, fewer than the pool's n-grams");
                if (size < _minLength || size > _maxLength)
                    continue;
                Gram gram = _pool;
                for (long i = first; i < first + size; i++)
                    gram = gram.Next.TryGetValue(pool[i], out Gram? next) ? next : gram.Next[pool[i]] = new Gram();
                if (gram.Output >= 0)
                    throw node.Fail($"the pool holds the {size}-gram at item {first} twice");
                gram.Output = (int)indexes[id];
            }
        }
        if (id != indexes.Length)
            throw node.Fail($"attribute 'ngram_indexes' has {indexes.Length} values but the pool holds {id} n-grams");
    }

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0);
        string[] tokens = Tokens(context, x);
        if (x.Dims.Length > 2)
            throw context.Fail($"input 0 ('{context.Node.Node.Inputs[0]}') has shape [{string.Join(",", x.Dims)}]; expected [C] or [N, C]");
        long rows = x.Dims.Length == 2 ? x.Dims[0] : 1, width = x.Dims.Length == 0 ? 1 : x.Dims[^1];
        long[] dims = x.Dims.Length == 2 ? [rows, _outputSize] : [_outputSize];
        Span<float> y = context.Output<float>(0, DataType.Float, dims);
        for (long r = 0; r < rows; r++)
        {
            Span<float> row = y.Slice((int)(r * _outputSize), _outputSize);
            Count(tokens.AsSpan((int)(r * width), (int)width), row);
            Weigh(row);
        }
    }

    private string[] Tokens(KernelContext context, Tensor x) => x.DataType switch
    {
        DataType.String when _strings => [.. x.Strings.Select(s => "s" + Encoding.UTF8.GetString(s))],
        DataType.Int32 when !_strings => [.. x.AsSpan<int>().ToArray().Select(v => "i" + v)],
        DataType.Int64 when !_strings => [.. x.AsSpan<long>().ToArray().Select(v => "i" + v)],
        _ => throw context.Fail($"input 0 ('{context.Node.Node.Inputs[0]}') is {x.DataType.TypeName()}; with pool_{(_strings ? "strings" : "int64s")} it must be {(_strings ? "string" : "int32 or int64")}"),
    };

    private void Count(ReadOnlySpan<string> row, Span<float> counts)
    {
        int shortest = _minLength;
        for (int distance = 1; distance <= _maxSkip + 1; distance++)
        {
            for (int start = 0; start + distance * (shortest - 1) < row.Length; start++)
            {
                Gram gram = _pool;
                for (int length = 1, item = start; length <= _maxLength && item < row.Length; length++, item += distance)
                {
                    if (!gram.Next.TryGetValue(row[item], out Gram? next))
                        break;
                    gram = next;
                    if (length >= shortest && gram.Output >= 0)
                        counts[gram.Output]++;
                }
            }
            // A unigram does not depend on the distance: it is counted in the first pass only.
            if (shortest == 1 && ++shortest > _maxLength)
                break;
        }
    }

    private void Weigh(Span<float> row)
    {
        for (int i = 0; i < row.Length; i++)
            row[i] = _weighting switch
            {
                Weighting.Idf => row[i] > 0 ? _weights?[i] ?? 1 : 0,
                Weighting.TfIdf => row[i] * (_weights?[i] ?? 1),
                _ => row[i],
            };
    }
}
