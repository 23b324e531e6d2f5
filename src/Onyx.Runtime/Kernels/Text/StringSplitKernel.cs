using System.Text;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Text;

/// <summary>
/// StringSplit: splits each string on 'delimiter' (at most 'maxsplit' times), giving a tensor with one more dim
/// that holds the pieces, padded with empty strings to the longest count, and the count of pieces per string.
/// Without a delimiter (or with "") runs of whitespace separate pieces and leading and trailing whitespace is
/// dropped, as Python's str.split() does, the reference the spec follows.
/// </summary>
internal sealed class StringSplitKernel(string? delimiter, long maxSplits) : Kernel
{
    public static Kernel Create(KernelNode node)
    {
        string? delimiter = node.Attributes.String("delimiter");
        long maxSplits = node.Attributes.Int("maxsplit") is long m and >= 0 ? m : long.MaxValue;
        return new StringSplitKernel(string.IsNullOrEmpty(delimiter) ? null : delimiter, maxSplits);
    }

    public override void Run(KernelContext context)
    {
        Tensor input = TextKernels.Strings(context, 0);
        var pieces = new List<string>[input.Strings.Count];
        int width = 0;
        for (int i = 0; i < pieces.Length; i++)
        {
            string value = Encoding.UTF8.GetString(input.Strings[i]);
            pieces[i] = delimiter is null ? SplitOnWhitespace(value) : SplitOn(value, delimiter);
            width = System.Math.Max(width, pieces[i].Count);
        }
        Span<long> counts = context.Output<long>(1, DataType.Int64, [.. input.Dims]);
        var padded = new string[pieces.Length * width];
        for (int i = 0; i < pieces.Length; i++)
        {
            counts[i] = pieces[i].Count;
            for (int j = 0; j < width; j++)
                padded[i * width + j] = j < pieces[i].Count ? pieces[i][j] : "";
        }
        context.SetOutput(0, OnnxValue.FromTensor(StringTensors.FromStrings(padded, [.. input.Dims, width])));
    }

    private List<string> SplitOn(string value, string separator)
    {
        var pieces = new List<string>();
        int start = 0;
        for (long splits = 0; splits < maxSplits; splits++)
        {
            int at = value.IndexOf(separator, start, StringComparison.Ordinal);
            if (at < 0)
                break;
            pieces.Add(value[start..at]);
            start = at + separator.Length;
        }
        pieces.Add(value[start..]);
        return pieces;
    }

    /// <summary>After the last allowed split the rest is one piece, keeping its trailing whitespace.</summary>
    private List<string> SplitOnWhitespace(string value)
    {
        var pieces = new List<string>();
        int i = 0;
        while (true)
        {
            while (i < value.Length && char.IsWhiteSpace(value[i]))
                i++;
            if (i == value.Length)
                break;
            if (pieces.Count == maxSplits)
            {
                pieces.Add(value[i..]);
                break;
            }
            int start = i;
            while (i < value.Length && !char.IsWhiteSpace(value[i]))
                i++;
            pieces.Add(value[start..i]);
        }
        return pieces;
    }
}
