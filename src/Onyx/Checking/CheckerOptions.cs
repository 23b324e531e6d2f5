namespace Onyx;

/// <summary>How <see cref="ModelChecker"/> checks a model.</summary>
public sealed record CheckerOptions
{
    /// <summary>The default options: structural checks only, external files not opened.</summary>
    public static CheckerOptions Default { get; } = new();

    /// <summary>
    /// When true, also run strict shape and type inference (without changing the model) and report what it finds
    /// under <see cref="CheckCode.ShapeInference"/>; the counterpart of onnx's <c>full_check=True</c>. It runs only
    /// when the structural checks found no error.
    /// </summary>
    public bool FullCheck { get; init; }

    /// <summary>
    /// The folder the model was loaded from. When set, external data files are resolved against it: they must exist,
    /// stay inside it (symbolic links included) and hold the bytes the tensor needs. When null, only the locations
    /// themselves are checked.
    /// </summary>
    public string? ModelDirectory { get; init; }

    /// <summary>The operator schemas nodes are checked against.</summary>
    public OperatorRegistry Registry { get; init; } = OperatorRegistry.Default;
}
