using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace Onyx.Cli.Commands;

/// <summary><c>onyx check MODEL [--json]</c>: the full check of <c>onnx.checker.check_model(model, full_check=True)</c>.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("model") { Description = "The .onnx file." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var structural = new Option<bool>("--structural") { Description = "Skip shape inference; check structure, operators and tensors only." };
        var command = new Command("check", "Check a model against the ONNX IR and the operator schemas, then run strict shape inference; list every problem. Exit code 0 valid, 1 invalid, 2 unreadable.")
        {
            model,
            json,
            structural,
        };
        command.SetAction(result => Run(result.GetValue(model)!, result.GetValue(json), !result.GetValue(structural),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Exit codes: 0 valid (warnings allowed), 1 at least one error, 2 the file cannot be read as a model.</summary>
    internal static int Run(FileInfo file, bool json, bool fullCheck, TextWriter output, TextWriter error)
    {
        Model model;
        try
        {
            // External data is checked by the checker (location, containment, size), so loading only keeps the references.
            model = Model.Load(file.FullName, new LoadOptions { ExternalData = ExternalDataMode.KeepReferences });
        }
        catch (Exception e) when (e is OnyxException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"onyx check: cannot read {file.FullName}: {e.Message}");
            return 2;
        }
        var options = new CheckerOptions { FullCheck = fullCheck, ModelDirectory = file.DirectoryName };
        CheckResult result = ModelChecker.Check(model, options);
        output.Write(json ? ToJson(file.FullName, result) : ToText(file.FullName, result));
        return result.IsValid ? 0 : 1;
    }

    internal static string ToText(string path, CheckResult result)
    {
        var text = new StringBuilder();
        foreach (CheckProblem problem in result.Problems)
            text.Append(problem).Append('\n');
        int errors = result.Errors.Count(), warnings = result.Warnings.Count();
        string verdict = errors == 0 ? "valid" : "invalid";
        text.Append($"{path}: {verdict} ({Count(errors, "error")}, {Count(warnings, "warning")})\n");
        return text.ToString();
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    internal static string ToJson(string path, CheckResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("path", path);
            w.WriteBoolean("valid", result.IsValid);
            w.WriteStartArray("problems");
            foreach (CheckProblem problem in result.Problems)
            {
                w.WriteStartObject();
                w.WriteString("code", problem.Code.Id());
                w.WriteString("name", problem.Code.Name());
                w.WriteString("severity", problem.Severity == CheckSeverity.Error ? "error" : "warning");
                WriteLocation(w, problem.Location);
                w.WriteString("message", problem.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteLocation(Utf8JsonWriter w, NodeLocation location)
    {
        w.WriteStartObject("location");
        w.WriteString("graph", location.GraphPath);
        if (location.NodeIndex >= 0)
        {
            w.WriteNumber("nodeIndex", location.NodeIndex);
            w.WriteString("nodeName", location.NodeName);
            w.WriteString("opType", location.OpType);
            w.WriteString("domain", location.Domain.Length == 0 ? "ai.onnx" : location.Domain);
            if (location.Version is int version)
                w.WriteNumber("version", version);
        }
        w.WriteString("text", location.ToString());
        w.WriteEndObject();
    }
}
