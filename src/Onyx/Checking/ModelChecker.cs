namespace Onyx;

/// <summary>
/// The model checker, the counterpart of <c>onnx.checker.check_model</c>: checks a model against the ONNX IR and the
/// operator schemas and reports every problem it finds, each with a <see cref="CheckCode"/> and a location.
/// </summary>
/// <example>
/// <code>
/// CheckResult result = ModelChecker.Check(model, new CheckerOptions { FullCheck = true });
/// foreach (CheckProblem problem in result.Problems)
///     Console.WriteLine(problem);
/// </code>
/// </example>
public static class ModelChecker
{
    /// <summary>
    /// Checks <paramref name="model"/> and returns every problem found; the model is not changed. Never throws for an
    /// invalid model.
    /// </summary>
    public static CheckResult Check(Model model, CheckerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= CheckerOptions.Default;
        var context = new CheckContext(model, options);
        ModelRules.Check(context);
        var graphs = new GraphChecker(context);
        var functions = new FunctionChecker(context, graphs);
        functions.Register();
        graphs.CheckMainGraph(model.Graph);
        functions.CheckAll();
        if (options.FullCheck && !context.Report.HasErrors)
            InferShapes(context);
        return new CheckResult(context.Report.Problems);
    }

    /// <summary>Checks <paramref name="model"/> and throws when it has errors; returns the result (with any warnings) otherwise.</summary>
    /// <exception cref="ModelValidationException">The model has at least one error; the exception lists every problem.</exception>
    public static CheckResult Validate(Model model, CheckerOptions? options = null)
    {
        CheckResult result = Check(model, options);
        if (!result.IsValid)
            throw new ModelValidationException(result.Problems);
        return result;
    }

    /// <summary>
    /// Runs shape inference without changing the model. It collects every problem rather than stopping at the first,
    /// which reports the same problems strict mode would throw, in the same order.
    /// </summary>
    private static void InferShapes(CheckContext context)
    {
        var options = new ShapeInferenceOptions { Strict = false, UpdateModel = false, Registry = context.Registry };
        try
        {
            foreach (ShapeInferenceException problem in ShapeInference.InferShapes(context.Model, options).Problems)
                context.Add(CheckCode.ShapeInference, problem.Location, problem.Problem);
        }
        catch (ShapeInferenceException e)
        {
            context.Add(CheckCode.ShapeInference, e.Location, e.Problem);
        }
    }
}
