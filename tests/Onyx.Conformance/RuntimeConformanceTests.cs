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

    /// <summary>True when a session can be prepared for a test folder or model file: every operator has a kernel or inlines to kernels.</summary>
    public static bool Runnable(string test)
    {
        string path = Path.Combine(BackendTestData.Root, test);
        try
        {
            _ = new InferenceSession(test.EndsWith(".onnx", StringComparison.Ordinal) ? path : Path.Combine(path, "model.onnx"));
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
            data.Add(test, GraphOptimizationLevel.DisableAll);
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

    public static TheoryData<string> LightModels()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(BackendTestData.Root, "light"), "light_*.onnx").Order(StringComparer.Ordinal))
            if (Exclusions.Reason("runtime", $"light/{Path.GetFileNameWithoutExtension(file)}") is null && Runnable(Path.GetRelativePath(BackendTestData.Root, file)))
                data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(LightModels))]
    public void Light_model_matches_its_expected_output(string file)
    {
        string path = Path.Combine(BackendTestData.Root, "light", file);
        BackendTestResult result = BackendTest.RunLight(path, null, BackendTest.RelativeTolerance(Path.GetFileNameWithoutExtension(file)));
        Assert.True(result.Status == BackendTestStatus.Pass, $"{result.Status}: {result.Detail}");
    }

    [Fact]
    public void Every_excluded_runtime_test_still_fails()
    {
        var passing = Exclusions.Of("runtime").Keys.Where(t => BackendTest.Run(Path.Combine(BackendTestData.Root, t)).Status == BackendTestStatus.Pass).ToList();
        Assert.True(passing.Count == 0, "Remove from exclusions.jsonc, they pass now: " + string.Join(", ", passing));
    }
}
