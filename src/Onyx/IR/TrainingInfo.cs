namespace Onyx;

/// <summary>Training information: an initialization graph, an algorithm graph, and how their outputs update state. Mirrors <c>TrainingInfoProto</c>.</summary>
public sealed class TrainingInfo
{
    /// <summary>Computes the initial values of the training state; null when absent.</summary>
    public Graph? Initialization { get; set; }

    /// <summary>One step of the training algorithm; null when absent.</summary>
    public Graph? Algorithm { get; set; }

    /// <summary>Which state each output of <see cref="Initialization"/> initializes (state name = output name).</summary>
    public List<MetadataEntry> InitializationBinding { get; } = [];

    /// <summary>Which state each output of <see cref="Algorithm"/> updates (state name = output name).</summary>
    public List<MetadataEntry> UpdateBinding { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }
}
