using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Einsum operator (ai.onnx).</summary>
internal static class Einsum
{
    internal static readonly OperatorSchema V12 = new("Einsum", 12)
    {
        Inputs = [new("Inputs", "T", Variadic)],
        Outputs = [new("Output", "T")],
        Attributes = [new("equation", AttributeType.String, Required: true)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
        Inference = InferEinsum,
    };

    /// <summary>
    /// Each input term names its input's dims (letters, and '...' for the dims not named); a letter's dims agree across
    /// terms (size 1 broadcasts), the '...' dims broadcast together. The output term lists the output's dims; without
    /// one the output is the '...' dims followed by the letters used once, in ASCII order (numpy.einsum's implicit mode).
    /// </summary>
    private static void InferEinsum(InferenceContext context)
    {
        string equation = context.GetString("equation") ?? throw context.Fail("attribute 'equation' is required");
        string compact = equation.Replace(" ", "", StringComparison.Ordinal);
        int arrow = compact.IndexOf("->", StringComparison.Ordinal);
        string[] terms = (arrow < 0 ? compact : compact[..arrow]).Split(',');
        if (terms.Length != context.InputCount)
            throw context.Fail($"equation '{equation}' has {terms.Length} input terms, but the node has {context.InputCount} inputs");

        var labels = new SortedDictionary<char, Dim>();
        var uses = new Dictionary<char, int>();
        Shape? ellipsis = new();
        bool anyEllipsis = false;
        for (int i = 0; i < terms.Length; i++)
        {
            List<char> term = Parse(context, terms[i], equation);
            int letters = term.Count(c => c != Ellipsis);
            bool hasEllipsis = letters != term.Count;
            anyEllipsis |= hasEllipsis;
            Shape? shape = context.InputShape(i);
            if (shape is not null && (hasEllipsis ? shape.Rank < letters : shape.Rank != letters))
                throw context.Fail($"input {i} has shape {shape}, but its term '{terms[i]}' in equation '{equation}' names {letters} dimensions{(hasEllipsis ? " and '...'" : "")}");
            int ellipsisRank = shape is null ? 0 : shape.Rank - letters;
            if (hasEllipsis)
            {
                int start = term.IndexOf(Ellipsis);
                ellipsis = shape is null || ellipsis is null ? null
                    : ShapeRules.Broadcast(context, [ellipsis, new Shape(shape.Dims.Skip(start).Take(ellipsisRank))]);
            }
            int at = 0;
            foreach (char c in term)
            {
                if (c == Ellipsis)
                {
                    at += ellipsisRank;
                    continue;
                }
                Dim dim = shape?.Dims[at] ?? new Dim();
                at++;
                uses[c] = uses.GetValueOrDefault(c) + 1;
                labels[c] = labels.TryGetValue(c, out Dim? seen) ? Merge(context, seen, dim, c, equation) : dim;
            }
        }

        List<char> output;
        if (arrow < 0)
        {
            output = anyEllipsis ? [Ellipsis] : [];
            output.AddRange(labels.Keys.Where(c => uses[c] == 1));
        }
        else
        {
            output = Parse(context, compact[(arrow + 2)..], equation);
            foreach (char c in output)
            {
                if (c != Ellipsis && !labels.ContainsKey(c))
                    throw context.Fail($"the output term of equation '{equation}' uses '{c}', which no input term has");
                if (c != Ellipsis && output.Count(o => o == c) > 1)
                    throw context.Fail($"the output term of equation '{equation}' repeats '{c}'");
            }
        }

        DataType elementType = context.InputElementType(0);
        if (output.Contains(Ellipsis) && ellipsis is null)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        var dims = new List<Dim>();
        foreach (char c in output)
        {
            if (c == Ellipsis)
                dims.AddRange(ellipsis!.Dims);
            else
                dims.Add(labels[c]);
        }
        context.SetOutput(0, elementType, new Shape(dims));
    }

    /// <summary>Stands for '...' in a parsed term.</summary>
    private const char Ellipsis = '.';

    /// <summary>A term's letters, with '...' as one <see cref="Ellipsis"/>; fails on any other character or a second ellipsis.</summary>
    private static List<char> Parse(InferenceContext context, string term, string equation)
    {
        var result = new List<char>(term.Length);
        for (int i = 0; i < term.Length; i++)
        {
            char c = term[i];
            if (char.IsAsciiLetter(c))
            {
                result.Add(c);
                continue;
            }
            if (c != '.' || !term.AsSpan(i).StartsWith("...") || result.Contains(Ellipsis))
                throw context.Fail($"equation '{equation}' has an invalid term '{term}': expected letters and at most one '...'");
            result.Add(Ellipsis);
            i += 2;
        }
        return result;
    }

    /// <summary>Two dims bound to the same letter: equal, or one of them 1 (broadcast).</summary>
    private static Dim Merge(InferenceContext context, Dim seen, Dim next, char label, string equation) =>
        seen.Value == 1 ? next : next.Value == 1 ? seen
            : ShapeRules.Unify(context, seen, next, $"label '{label}' of equation '{equation}' stands for dimensions of different sizes");

    internal static OperatorSchema[] Versions => [V12];
}
