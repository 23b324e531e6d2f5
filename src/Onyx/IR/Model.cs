using Onyx.Serialization;

namespace Onyx;

/// <summary>
/// An ONNX model: the graph, the operator sets it uses, model-local functions and descriptive metadata.
/// Mirrors <c>ModelProto</c>. Load one with <see cref="Load(string, LoadOptions?)"/>, save with <see cref="Save(string, SaveOptions?)"/>.
/// </summary>
public sealed class Model(Graph graph)
{
    /// <summary>The newest IR version Onyx reads and writes.</summary>
    public const long LatestIrVersion = 13;

    /// <summary>The IR version the model follows.</summary>
    public long IrVersion { get; set; } = LatestIrVersion;

    /// <summary>The operator sets the model uses.</summary>
    public List<OpsetImport> OpsetImports { get; } = [];

    /// <summary>The tool that produced the model.</summary>
    public string ProducerName { get; set; } = "";

    /// <summary>The version of that tool.</summary>
    public string ProducerVersion { get; set; } = "";

    /// <summary>A reverse-DNS namespace for the model, e.g. <c>com.example</c>.</summary>
    public string Domain { get; set; } = "";

    /// <summary>The model's own version.</summary>
    public long ModelVersion { get; set; }

    /// <summary>Documentation; Markdown allowed.</summary>
    public string DocString { get; set; } = "";

    /// <summary>The main graph.</summary>
    public Graph Graph { get; set; } = graph;

    /// <summary>Named metadata.</summary>
    public List<MetadataEntry> Metadata { get; } = [];

    /// <summary>Training information.</summary>
    public List<TrainingInfo> TrainingInfos { get; } = [];

    /// <summary>Model-local functions.</summary>
    public List<Function> Functions { get; } = [];

    /// <summary>Multi-device configurations.</summary>
    public List<DeviceConfiguration> DeviceConfigurations { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    /// <summary>
    /// Loads a model from a file. The file is memory-mapped and tensor payloads point into it (no copy);
    /// external data files are resolved against the model's folder and mapped the same way.
    /// </summary>
    /// <exception cref="OnnxFormatException">The bytes are not a valid model.</exception>
    /// <exception cref="ExternalDataException">External data is missing or escapes the model's folder.</exception>
    public static Model Load(string path, LoadOptions? options = null) => ModelFile.Load(path, options ?? LoadOptions.Default);

    /// <summary>
    /// Parses a model from bytes. Tensor payloads are slices of <paramref name="bytes"/>, which must not change
    /// afterwards. External data is resolved against <see cref="LoadOptions.BaseDirectory"/> when set.
    /// </summary>
    public static Model Parse(ReadOnlyMemory<byte> bytes, LoadOptions? options = null) =>
        ModelReader.Read(bytes, options ?? LoadOptions.Default, null);

    /// <summary>
    /// Saves the model. With <see cref="SaveOptions.ExternalDataThreshold"/> set, large tensors go to an external
    /// data file beside the model. The file is written to a temporary name and then moved into place.
    /// </summary>
    public void Save(string path, SaveOptions? options = null) => ModelFile.Save(this, path, options ?? SaveOptions.Default);

    /// <summary>Serializes the model to bytes; every tensor stays inline (external references are kept as they are).</summary>
    public byte[] ToBytes() => ModelWriter.ToBytes(this);

    /// <inheritdoc/>
    public override string ToString() => $"model ir{IrVersion} {ProducerName} {Graph}";
}
