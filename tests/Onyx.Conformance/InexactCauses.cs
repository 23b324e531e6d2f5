using System.Text.Json;

namespace Onyx.Conformance;

/// <summary>
/// Why inference cannot reproduce some declared output sizes even with the input values known, read from
/// inexact.jsonc: each cause with the models (names or prefixes ending in <c>*</c>) it explains.
/// </summary>
internal static class InexactCauses
{
    private static readonly IReadOnlyList<(string Cause, string[] Patterns)> Entries = Load();

    /// <summary>Every cause and its model patterns, in file order.</summary>
    public static IReadOnlyList<(string Cause, string[] Patterns)> All => Entries;

    /// <summary>The cause recorded for <paramref name="model"/> (a test folder such as <c>node/test_loop11</c>), or null.</summary>
    public static string? Of(string model) =>
        Entries.FirstOrDefault(e => e.Patterns.Any(p => Matches(p, model))).Cause;

    public static bool Matches(string pattern, string model) =>
        pattern.EndsWith('*') ? model.StartsWith(pattern[..^1], StringComparison.Ordinal) : model == pattern;

    private static List<(string, string[])> Load()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "inexact.jsonc"));
        using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return [.. document.RootElement.GetProperty("causes").EnumerateArray().Select(e =>
            (e.GetProperty("cause").GetString()!, e.GetProperty("models").EnumerateArray().Select(m => m.GetString()!).ToArray()))];
    }
}
