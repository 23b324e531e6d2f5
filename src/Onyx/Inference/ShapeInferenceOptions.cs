namespace Onyx;

/// <summary>How <see cref="ShapeInference"/> runs.</summary>
public sealed class ShapeInferenceOptions
{
    /// <summary>When true, the first inconsistency (a node that cannot be inferred, a conflict with a declared type, an unknown operator) throws a <see cref="ShapeInferenceException"/>; when false it is reported and inference goes on.</summary>
    public bool Strict { get; init; }

    /// <summary>The schemas to infer with.</summary>
    public OperatorRegistry Registry { get; init; } = OperatorRegistry.Default;

    /// <summary>The largest integer tensor whose values are tracked through Shape, Gather, Slice, Concat and similar operators.</summary>
    public int MaxPropagatedElements { get; init; } = 4096;

    /// <summary>Values of main-graph inputs known ahead of a run; they are treated as constants, the way a runtime infers shapes once it has the inputs.</summary>
    public IReadOnlyDictionary<string, Tensor>? InputValues { get; init; }

    /// <summary>
    /// Opset versions for particular nodes of the main graph, over the model's imports: a runtime that inlines a
    /// function body keeps the versions the body was written for.
    /// </summary>
    internal IReadOnlyDictionary<Node, IReadOnlyDictionary<string, long>>? NodeOpsets { get; init; }

    /// <summary>False when inference only looks for problems (the checker) and must leave the model as it is.</summary>
    internal bool UpdateModel { get; init; } = true;
}
