using System.Text;
using System.Text.RegularExpressions;

namespace Onyx.Runtime.Kernels.Text;

/// <summary>
/// RegexFullMatch: true where a string matches the whole pattern. The pattern is RE2 syntax, checked and rewritten by
/// <see cref="Re2Pattern"/> (patterns RE2 rejects fail when the session is prepared) and run by .NET's
/// non-backtracking engine, so matching takes time linear in the input, as RE2 guarantees.
/// </summary>
internal sealed class RegexFullMatchKernel(Regex regex) : Kernel
{
    public static Kernel Create(KernelNode node)
    {
        string pattern = node.Attributes.String("pattern") ?? throw node.Fail("attribute 'pattern' is required");
        try
        {
            return new RegexFullMatchKernel(new Regex($@"\A(?:{Re2Pattern.ToDotNet(pattern)})\z", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException)
        {
            throw node.Fail($"attribute 'pattern' ('{pattern}') is not a valid RE2 pattern: {e.Message}");
        }
    }

    public override void Run(KernelContext context)
    {
        Tensor input = TextKernels.Strings(context, 0);
        Span<bool> output = context.Output<bool>(0, DataType.Bool, [.. input.Dims]);
        for (int i = 0; i < output.Length; i++)
            output[i] = regex.IsMatch(Encoding.UTF8.GetString(input.Strings[i]));
    }
}
