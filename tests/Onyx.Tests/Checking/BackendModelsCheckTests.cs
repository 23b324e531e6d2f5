namespace Onyx.Tests.Checking;

public sealed class BackendModelsCheckTests
{
    private static readonly string[] Corpora = ["node", "pytorch-converted", "pytorch-operator", "simple", "light"];

    [Fact]
    public void Every_backend_test_model_passes_the_full_checker()
    {
        var failures = new List<string>();
        int checkedModels = 0;
        foreach (string corpus in Corpora)
        {
            foreach (string path in Directory.EnumerateFiles(Path.Combine(BackendTestData.Root, corpus), "*.onnx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                Model model = Model.Load(path);
                CheckResult result = ModelChecker.Check(model, new CheckerOptions { FullCheck = true, ModelDirectory = Path.GetDirectoryName(path) });
                checkedModels++;
                foreach (CheckProblem problem in result.Errors)
                    failures.Add($"{BackendTestData.Relative(path)}: {problem}");
            }
        }

        Assert.True(checkedModels > 1900, $"only {checkedModels} models found");
        Assert.True(failures.Count == 0, $"{failures.Count} errors:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }
}
