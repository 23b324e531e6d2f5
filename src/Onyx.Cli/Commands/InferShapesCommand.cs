using System.CommandLine;

namespace Onyx.Cli.Commands;

/// <summary><c>onyx infer-shapes MODEL -o OUT [--strict]</c>: writes the model with the type of every value inferred.</summary>
internal static class InferShapesCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("model") { Description = "The .onnx file." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the model with inferred types.", Required = true };
        var strict = new Option<bool>("--strict") { Description = "Fail on the first inconsistency instead of reporting it and going on." };
        var command = new Command("infer-shapes", "Infer the type and shape of every value and save the model with them recorded (value_info).")
        {
            model,
            output,
            strict,
        };
        command.SetAction(result => Run(result.GetValue(model)!, result.GetValue(output)!, result.GetValue(strict),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Exit codes: 0 inferred and saved (problems, if any, are warnings), 1 strict inference failed, 2 unreadable or unwritable.</summary>
    internal static int Run(FileInfo file, FileInfo target, bool strict, TextWriter output, TextWriter error)
    {
        Model model;
        try
        {
            model = Model.Load(file.FullName);
        }
        catch (Exception e) when (e is OnyxException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"onyx infer-shapes: cannot read {file.FullName}: {e.Message}");
            return 2;
        }
        try
        {
            ShapeInferenceResult result = ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = strict });
            foreach (ShapeInferenceException problem in result.Problems)
                error.WriteLine($"warning: {problem.Message}");
        }
        catch (ShapeInferenceException e)
        {
            error.WriteLine($"onyx infer-shapes: {e.Message}");
            return 1;
        }
        try
        {
            model.Save(target.FullName);
        }
        catch (Exception e) when (e is OnyxException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"onyx infer-shapes: cannot write {target.FullName}: {e.Message}");
            return 2;
        }
        output.WriteLine($"{target.FullName}: {model.Graph.ValueInfos.Count} values typed");
        return 0;
    }
}
