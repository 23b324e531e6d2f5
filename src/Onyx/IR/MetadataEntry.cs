namespace Onyx;

/// <summary>A key-value string pair, as in <c>metadata_props</c> and <c>external_data</c>. Mirrors <c>StringStringEntryProto</c>.</summary>
public sealed class MetadataEntry(string key, string value)
{
    /// <summary>The key.</summary>
    public string Key { get; set; } = key;

    /// <summary>The value.</summary>
    public string Value { get; set; } = value;

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Key}={Value}";
}
