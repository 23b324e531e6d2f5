using Onyx.Runtime;
using Onyx.Runtime.Testing;
using Onyx.Tests;

namespace Onyx.Conformance;

/// <summary>
/// Runs every backend test of node/, pytorch-converted/, pytorch-operator/ and simple/ whose operators Onyx has
/// kernels for (optimized and unoptimized), and requires every output of every data set to match.
/// </summary>
public sealed class RuntimeConformanceTests
{
    /// <summary>The corpora a runtime must pass.</summary>
    public static readonly string[] Corpora = ["node", "pytorch-converted", "pytorch-operator", "simple"];

    /// <summary>Every backend test folder, relative to the data root.</summary>
    public static IEnumerable<string> AllTests() =>
        Corpora.SelectMany(c => Directory.EnumerateDirectories(Path.Combine(BackendTestData.Root, c)))
            .Select(BackendTestData.Relative)
            .Order(StringComparer.Ordinal);

    /// <summary>True when a session can be prepared: every operator has a kernel or inlines to kernels.</summary>
    public static bool Runnable(string test)
    {
        try
        {
            _ = new InferenceSession(Path.Combine(BackendTestData.Root, test, "model.onnx"));
            return true;
        }
        catch (OnnxRuntimeException e) when (e.Message.Contains("has no kernel", StringComparison.Ordinal))
        {
            return false;
        }
        catch (OnyxException)
        {
            return true;
        }
    }

    public static TheoryData<string, GraphOptimizationLevel> Tests()
    {
        var data = new TheoryData<string, GraphOptimizationLevel>();
        foreach (string test in AllTests().Where(t => Exclusions.Reason("runtime", t) is null && Runnable(t)))
        {
            data.Add(test, GraphOptimizationLevel.All);
            data.Add(test, GraphOptimizationLevel.None);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Tests))]
    public void Backend_test_passes(string test, GraphOptimizationLevel level)
    {
        BackendTestResult result = BackendTest.Run(Path.Combine(BackendTestData.Root, test), new SessionOptions { OptimizationLevel = level });
        Assert.True(result.Status == BackendTestStatus.Pass, $"{result.Status}: {result.Detail}");
    }

    [Fact]
    public void Every_excluded_runtime_test_still_fails()
    {
        var passing = Exclusions.Of("runtime").Keys.Where(t => BackendTest.Run(Path.Combine(BackendTestData.Root, t)).Status == BackendTestStatus.Pass).ToList();
        Assert.True(passing.Count == 0, "Remove from exclusions.jsonc, they pass now: " + string.Join(", ", passing));
    }
}
