using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>A classifier's class labels, strings or int64s, and its label output Y: one label per row.</summary>
internal sealed class ClassLabels
{
    private readonly string[]? _strings;
    private readonly long[] _ints;

    public ClassLabels(string[]? strings, long[]? ints)
    {
        _strings = strings;
        _ints = ints ?? [];
    }

    /// <summary>The labels of the attribute set of <paramref name="stringsName"/> and <paramref name="intsName"/>; null when neither is (and none is required).</summary>
    public static ClassLabels? Read(KernelNode node, string stringsName, string intsName, bool required)
    {
        bool strings = node.Attributes.IsSet(stringsName);
        bool ints = node.Attributes.IsSet(intsName);
        if (strings && ints)
            throw node.Fail($"attributes '{stringsName}' and '{intsName}' must not both be set");
        if (!strings && !ints)
            return required ? throw node.Fail($"one of the attributes '{stringsName}' and '{intsName}' must be set") : null;
        var labels = new ClassLabels(strings ? [.. node.Attributes.Strings(stringsName)!] : null, ints ? [.. node.Attributes.Ints(intsName)!] : null);
        return labels.Count > 0 ? labels : throw node.Fail($"attribute '{(strings ? stringsName : intsName)}' must hold at least one label");
    }

    public int Count => _strings?.Length ?? _ints.Length;

    public bool AreStrings => _strings is not null;

    /// <summary>The same kind of labels with other values, for the label rules that swap in fixed int64 labels.</summary>
    public ClassLabels WithInts(long[] ints) => new(_strings, _strings is null ? ints : null);

    /// <summary>
    /// The labels [nothing, first label] (nothing is "" or 0), for a one-score classifier whose score below the
    /// threshold names no class.
    /// </summary>
    public ClassLabels AfterNothing() => _strings is null ? new(null, [0, _ints[0]]) : new([string.Empty, _strings[0]], null);

    /// <summary>Sets output 0 to the labels at <paramref name="winners"/> (indices below <see cref="Count"/>).</summary>
    public void Write(KernelContext context, int[] winners) =>
        context.SetOutput(0, OnnxValue.FromTensor(_strings is null
            ? MlTypedTensors.Create([.. winners.Select(w => _ints[w])], [winners.Length])
            : MlTypedTensors.Create([.. winners.Select(w => _strings[w])], [winners.Length])));

    /// <summary>The index of the first highest score.</summary>
    public static int ArgMax(ReadOnlySpan<double> scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
                best = i;
        }
        return best;
    }
}
