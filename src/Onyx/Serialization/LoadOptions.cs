namespace Onyx;

/// <summary>How external tensor data is handled when a model is loaded.</summary>
public enum ExternalDataMode
{
    /// <summary>Resolve each external file against the model's folder and memory-map it; tensors point into it.</summary>
    Map,
    /// <summary>Keep the references only; <see cref="Tensor.RawData"/> stays empty for external tensors.</summary>
    KeepReferences,
}

/// <summary>Options and limits for loading models and tensors. The defaults are safe for untrusted files.</summary>
public sealed record LoadOptions
{
    /// <summary>The default options.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>How deep messages may nest (graphs inside attributes inside nodes count). Default 64.</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>What to do with external data. Default <see cref="ExternalDataMode.Map"/>.</summary>
    public ExternalDataMode ExternalData { get; init; } = ExternalDataMode.Map;

    /// <summary>
    /// The folder external data locations are relative to, for <see cref="Model.Parse"/>. <see cref="Model.Load"/>
    /// uses the model file's folder when this is null. When both are absent, external data is not resolved.
    /// </summary>
    public string? BaseDirectory { get; init; }
}

/// <summary>Options for saving models.</summary>
public sealed record SaveOptions
{
    /// <summary>The default options: every tensor inline.</summary>
    public static SaveOptions Default { get; } = new();

    /// <summary>
    /// When set, initializers of at least this many bytes are written to an external data file beside the model
    /// instead of inline. Required for models whose weights exceed 2 GiB.
    /// </summary>
    public long? ExternalDataThreshold { get; init; }

    /// <summary>The external data file's name, relative to the model's folder. Default: the model's file name plus <c>.data</c>.</summary>
    public string? ExternalDataFileName { get; init; }

    /// <summary>Each external tensor starts at a multiple of this many bytes, so it can be memory-mapped. Default 4096.</summary>
    public int ExternalDataAlignment { get; init; } = 4096;
}
