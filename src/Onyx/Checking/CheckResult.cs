namespace Onyx;

/// <summary>Everything <see cref="ModelChecker.Check"/> found, in the order the model was walked.</summary>
public sealed class CheckResult
{
    internal CheckResult(IReadOnlyList<CheckProblem> problems) => Problems = problems;

    /// <summary>Every problem, errors and warnings.</summary>
    public IReadOnlyList<CheckProblem> Problems { get; }

    /// <summary>The problems that make the model invalid.</summary>
    public IEnumerable<CheckProblem> Errors => Problems.Where(p => p.Severity == CheckSeverity.Error);

    /// <summary>The problems that do not make the model invalid.</summary>
    public IEnumerable<CheckProblem> Warnings => Problems.Where(p => p.Severity == CheckSeverity.Warning);

    /// <summary>True when no problem is an error.</summary>
    public bool IsValid => !Errors.Any();

    /// <inheritdoc/>
    public override string ToString() => Problems.Count == 0 ? "valid" : string.Join(Environment.NewLine, Problems);
}
