using System.Text.Json;

namespace Onyx.Conformance;

/// <summary>
/// The backend tests a suite does not pass, read from exclusions.jsonc: one entry per reason, grounded in the
/// specification. Every excluded test counts as a failure in reported figures.
/// </summary>
internal static class Exclusions
{
    private static readonly Dictionary<string, Dictionary<string, string>> BySuite = Load();

    /// <summary>The reason <paramref name="test"/> is excluded from <paramref name="suite"/>, or null when it is not.</summary>
    public static string? Reason(string suite, string test) =>
        BySuite.TryGetValue(suite, out var tests) && tests.TryGetValue(test, out string? reason) ? reason : null;

    /// <summary>Every excluded test of a suite.</summary>
    public static IReadOnlyDictionary<string, string> Of(string suite) =>
        BySuite.TryGetValue(suite, out var tests) ? tests : new Dictionary<string, string>();

    private static Dictionary<string, Dictionary<string, string>> Load()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "exclusions.jsonc"));
        using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (JsonProperty suite in document.RootElement.EnumerateObject())
        {
            var tests = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonElement entry in suite.Value.EnumerateArray())
            {
                string reason = entry.GetProperty("reason").GetString()!;
                foreach (JsonElement test in entry.GetProperty("tests").EnumerateArray())
                    tests.Add(test.GetString()!, reason);
            }
            result[suite.Name] = tests;
        }
        return result;
    }
}
