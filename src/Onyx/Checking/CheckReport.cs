namespace Onyx;

/// <summary>Collects the problems of one check, in the order they are found.</summary>
internal sealed class CheckReport
{
    private readonly List<CheckProblem> _problems = [];

    public IReadOnlyList<CheckProblem> Problems => _problems;

    public bool HasErrors => _problems.Exists(p => p.Severity == CheckSeverity.Error);

    public void Add(CheckCode code, NodeLocation location, string message) => _problems.Add(new CheckProblem(code, location, message));
}
