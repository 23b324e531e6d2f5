namespace Onyx;

/// <summary>A named value of a graph with its type: a graph input, output or intermediate. Mirrors <c>ValueInfoProto</c>.</summary>
public sealed class ValueInfo(string name, TypeInfo? type = null)
{
    /// <summary>The value's name, unique within its graph.</summary>
    public string Name { get; set; } = name;

    /// <summary>The value's type; null when not declared.</summary>
    public TypeInfo? Type { get; set; } = type;

    /// <summary>Documentation; Markdown allowed.</summary>
    public string DocString { get; set; } = "";

    /// <summary>Named metadata.</summary>
    public List<MetadataEntry> Metadata { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    /// <summary>A tensor value with the given element type and dimensions (known sizes or symbolic names).</summary>
    public static ValueInfo Tensor(string name, DataType elementType, params IEnumerable<Dim> dims) =>
        new(name, TypeInfo.Tensor(elementType, dims));

    /// <inheritdoc/>
    public override string ToString() => Type is TensorTypeInfo { Shape: { } shape } t ? $"{Name}: {t}{shape}" : $"{Name}: {TypeInfo.Describe(Type)}";
}
