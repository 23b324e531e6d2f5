using System.Globalization;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Text;

/// <summary>
/// StringNormalizer: drops the elements of a [C] or [1, C] tensor that are stop words (compared case-insensitively
/// unless is_case_sensitive), then lower- or upper-cases the rest by the locale's rules (default en_US; a locale the
/// platform does not know gets the root rules, which are en_US's). When every element goes, the output is one empty
/// string of shape [1] or [1, 1], as the spec says.
/// </summary>
internal sealed class StringNormalizerKernel(Func<string, string> changeCase, Func<string, string> stopWordKey, HashSet<string> stopWords) : Kernel
{
    public static Kernel Create(KernelNode node)
    {
        string locale = node.Attributes.String("locale") ?? "en_US";
        TextInfo text;
        try
        {
            text = CultureInfo.GetCultureInfo(locale.Replace('_', '-')).TextInfo;
        }
        catch (CultureNotFoundException)
        {
            throw node.Fail($"attribute 'locale' is '{locale}', which is not a valid locale name");
        }
        Func<string, string> changeCase = node.Attributes.String("case_change_action", "NONE") switch
        {
            "NONE" => s => s,
            "LOWER" => text.ToLower,
            "UPPER" => text.ToUpper,
            string other => throw node.Fail($"attribute 'case_change_action' is '{other}', not LOWER, UPPER or NONE"),
        };
        Func<string, string> key = node.Attributes.Int("is_case_sensitive", 0) != 0 ? s => s : text.ToUpper;
        HashSet<string> stopWords = new(node.Attributes.Strings("stopwords")?.Select(key) ?? [], StringComparer.Ordinal);
        return new StringNormalizerKernel(changeCase, key, stopWords);
    }

    public override void Run(KernelContext context)
    {
        Tensor input = TextKernels.Strings(context, 0);
        bool isRow = input.Dims.Length == 2;
        if (input.Dims.Length != 1 && !(isRow && input.Dims[0] == 1))
            throw context.Fail($"input 0 ('{context.Node.Node.Inputs[0]}') must have shape [C] or [1, C], found [{string.Join(",", input.Dims)}]");
        var kept = new List<string>();
        foreach (string value in input.ToStrings())
            if (stopWords.Count == 0 || !stopWords.Contains(stopWordKey(value)))
                kept.Add(changeCase(value));
        if (kept.Count == 0)
            kept.Add("");
        long[] dims = isRow ? [1, kept.Count] : [kept.Count];
        context.SetOutput(0, OnnxValue.FromTensor(StringTensors.FromStrings(kept, dims)));
    }
}
