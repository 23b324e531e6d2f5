namespace Onyx;

/// <summary>The checker found errors in a model; <see cref="Problems"/> lists every problem it found.</summary>
public sealed class ModelValidationException : OnyxException
{
    /// <summary>Creates the exception for the problems of one check.</summary>
    public ModelValidationException(IReadOnlyList<CheckProblem> problems) : base(Describe(problems)) => Problems = problems;

    /// <summary>Every problem the check found, warnings included.</summary>
    public IReadOnlyList<CheckProblem> Problems { get; }

    private static string Describe(IReadOnlyList<CheckProblem> problems)
    {
        const int Shown = 10;
        List<CheckProblem> errors = [.. problems.Where(p => p.Severity == CheckSeverity.Error)];
        string more = errors.Count > Shown ? $"{Environment.NewLine}… and {errors.Count - Shown} more" : "";
        return $"The model is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):{Environment.NewLine}"
            + string.Join(Environment.NewLine, errors.Take(Shown)) + more;
    }
}
