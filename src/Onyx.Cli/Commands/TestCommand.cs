using System.CommandLine;
using Onyx.Runtime.Testing;

namespace Onyx.Cli.Commands;

/// <summary><c>onyx test PATH... [--rtol R --atol A]</c>: runs backend tests and says which pass.</summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Backend-test folders (model.onnx + test_data_set_*), folders of them, or a folder in the light/ layout.", Arity = ArgumentArity.OneOrMore };
        var rtol = new Option<double?>("--rtol") { Description = "Relative tolerance (default 1e-3; 2e-3 for light_densenet121)." };
        var atol = new Option<double>("--atol") { Description = "Absolute tolerance.", DefaultValueFactory = _ => 1e-7 };
        var command = new Command("test", "Run ONNX backend tests: one line per test (PASS, FAIL with the first mismatch, ERROR with the exception), then 'N passed, M failed'. Exit code 1 when any test fails.")
        {
            paths,
            rtol,
            atol,
        };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(rtol), result.GetValue(atol), result.InvocationConfiguration.Output));
        return command;
    }

    internal static int Run(string[] paths, double? rtol, double atol, TextWriter output)
    {
        int passed = 0, failed = 0;
        foreach (BackendTestResult result in paths.SelectMany(p => Tests(p, rtol, atol)))
        {
            if (result.Status == BackendTestStatus.Pass)
                passed++;
            else
                failed++;
            output.WriteLine(result.Status == BackendTestStatus.Pass ? $"PASS {result.Name}" : $"{result.Status.ToString().ToUpperInvariant()} {result.Name}: {result.Detail}");
        }
        output.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private static IEnumerable<BackendTestResult> Tests(string path, double? rtol, double atol)
    {
        if (File.Exists(Path.Combine(path, "model.onnx")))
            return [BackendTest.Run(path, null, rtol ?? 1e-3, atol)];
        if (!Directory.Exists(path))
            return [new BackendTestResult(path, BackendTestStatus.Error, "no such folder")];
        string[] light = [.. Directory.EnumerateFiles(path, "light_*.onnx").Order(StringComparer.Ordinal)];
        if (light.Length > 0)
            return light.Select(f => BackendTest.RunLight(f, null, rtol ?? BackendTest.RelativeTolerance(Path.GetFileNameWithoutExtension(f)), atol));
        return Directory.EnumerateDirectories(path).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, "model.onnx")))
            .Select(d => BackendTest.Run(d, null, rtol ?? 1e-3, atol));
    }
}
