namespace Onyx;

/// <summary>What a non-strict inference run could not do.</summary>
public sealed class ShapeInferenceResult
{
    internal ShapeInferenceResult(IReadOnlyList<ShapeInferenceException> problems) => Problems = problems;

    /// <summary>Every node that could not be inferred or disagreed with a declared type, in graph order.</summary>
    public IReadOnlyList<ShapeInferenceException> Problems { get; }
}
