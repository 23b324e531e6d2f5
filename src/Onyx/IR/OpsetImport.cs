namespace Onyx;

/// <summary>An operator set a model or function uses: a domain and its version. Mirrors <c>OperatorSetIdProto</c>.</summary>
public sealed class OpsetImport(string domain, long version)
{
    /// <summary>The default ONNX operator domain (<c>ai.onnx</c>, written as the empty string).</summary>
    public const string DefaultDomain = "";

    /// <summary>The ONNX-ML operator domain.</summary>
    public const string MlDomain = "ai.onnx.ml";

    /// <summary>The domain; the empty string (or <c>ai.onnx</c>) is the default ONNX domain.</summary>
    public string Domain { get; set; } = domain;

    /// <summary>The operator set version.</summary>
    public long Version { get; set; } = version;

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{(Domain.Length == 0 ? "ai.onnx" : Domain)} v{Version}";
}
