using System.Text;
using System.Text.RegularExpressions;

namespace Onyx.Runtime.Kernels.Text;

/// <summary>
/// RegexFullMatch: true where a string matches the whole pattern. The pattern is RE2 syntax, run by .NET's regex
/// engine in ECMAScript mode so that \w, \d, \s and \b are ASCII-only as in RE2; RE2's (?P&lt;name&gt;…) groups and
/// one-letter \pL classes are rewritten to .NET's spelling. Still different from RE2: .NET also accepts what RE2
/// rejects (backreferences, lookaround); RE2's \Q…\E quoting, [[:alpha:]] classes, \C and the (?U) flag are not
/// understood; '.' and classes match UTF-16 code units, so a character outside the BMP counts as two; and matching
/// backtracks instead of running in linear time.
/// </summary>
internal sealed class RegexFullMatchKernel(Regex regex) : Kernel
{
    public static Kernel Create(KernelNode node)
    {
        string pattern = node.Attributes.String("pattern") ?? throw node.Fail("attribute 'pattern' is required");
        try
        {
            return new RegexFullMatchKernel(new Regex($@"\A(?:{DotNetSpelling(pattern)})\z", RegexOptions.ECMAScript | RegexOptions.CultureInvariant));
        }
        catch (ArgumentException e)
        {
            throw node.Fail($"attribute 'pattern' ('{pattern}') is not a valid regular expression: {e.Message}");
        }
    }

    public override void Run(KernelContext context)
    {
        Tensor input = TextKernels.Strings(context, 0);
        Span<bool> output = context.Output<bool>(0, DataType.Bool, [.. input.Dims]);
        for (int i = 0; i < output.Length; i++)
            output[i] = regex.IsMatch(Encoding.UTF8.GetString(input.Strings[i]));
    }

    /// <summary>RE2's named groups (?P&lt;name&gt;) and one-letter classes \pL, \PL in .NET's spelling.</summary>
    private static string DotNetSpelling(string pattern)
    {
        var result = new StringBuilder(pattern.Length);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char next = pattern[i + 1];
                if ((next == 'p' || next == 'P') && i + 2 < pattern.Length && pattern[i + 2] != '{')
                {
                    result.Append('\\').Append(next).Append('{').Append(pattern[i + 2]).Append('}');
                    i += 2;
                }
                else
                {
                    result.Append(c).Append(next);
                    i++;
                }
            }
            else if (c == '(' && string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0)
            {
                result.Append("(?<");
                i += 3;
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
