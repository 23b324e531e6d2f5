namespace Onyx.Runtime;

/// <summary>A model input or output as a session sees it: name, type, and for tensors the element type and dims.</summary>
public sealed class NodeMetadata
{
    internal NodeMetadata(string name, TypeInfo? type, bool hasDefault)
    {
        Name = name;
        Type = type;
        HasDefault = hasDefault;
    }

    /// <summary>The value's name in the graph.</summary>
    public string Name { get; }

    /// <summary>The declared type (with inferred details), or null when the model does not say.</summary>
    public TypeInfo? Type { get; }

    /// <summary>True for an input that has an initializer: feeding it is optional.</summary>
    public bool HasDefault { get; }

    /// <summary>The element type of a tensor; Undefined for other kinds or when unknown.</summary>
    public DataType ElementType => Type is TensorTypeInfo t ? t.ElementType : DataType.Undefined;

    /// <summary>The dims of a tensor, -1 where a dim is symbolic or unknown; null when the rank is unknown.</summary>
    public long[]? Dims => Type is TensorTypeInfo { Shape: { } shape } ? [.. shape.Dims.Select(d => d.Value ?? -1)] : null;

    /// <summary>The names of symbolic dims, null where a dim is a number or unknown; null when the rank is unknown.</summary>
    public string?[]? SymbolicDims => Type is TensorTypeInfo { Shape: { } shape } ? [.. shape.Dims.Select(d => d.Param)] : null;

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {TypeInfo.Describe(Type)}{(Type is TensorTypeInfo { Shape: { } s } ? s.ToString() : "")}";
}
