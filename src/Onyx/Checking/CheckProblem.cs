namespace Onyx;

/// <summary>One thing the checker found wrong with a model.</summary>
/// <param name="Code">What kind of problem it is.</param>
/// <param name="Location">Where: the graph path (<c>model</c> for model-level problems, <c>function domain.name</c> for function bodies) and, for a node, its index, name, operator and resolved version.</param>
/// <param name="Message">What was expected and what was found, naming the input, output, attribute or tensor concerned.</param>
public sealed record CheckProblem(CheckCode Code, NodeLocation Location, string Message)
{
    /// <summary>The severity, which follows from the code.</summary>
    public CheckSeverity Severity => Code.Severity();

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(Severity == CheckSeverity.Warning ? "warning " : "")}{Code.Id()} {Code.Name()} at {Location}: {Message}";
}
