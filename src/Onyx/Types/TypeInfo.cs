namespace Onyx;

/// <summary>
/// The type of a value in a graph (a tensor, a sparse tensor, a sequence, a map, an optional or an opaque type).
/// Mirrors <c>TypeProto</c>; each subclass is one case of its oneof.
/// </summary>
public abstract class TypeInfo
{
    private protected TypeInfo() { }

    /// <summary>An optional denotation of what the value means, e.g. <c>IMAGE</c>.</summary>
    public string? Denotation { get; set; }

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    /// <summary>Fields of the case's own message that Onyx does not know, kept for round trips.</summary>
    internal ReadOnlyMemory<byte> CaseUnknownFields { get; set; }

    /// <summary>The type in ONNX notation, e.g. <c>tensor(float)</c> or <c>seq(tensor(int64))</c>.</summary>
    public abstract override string ToString();

    /// <summary>A tensor type with the given element type and dimensions.</summary>
    public static TensorTypeInfo Tensor(DataType elementType, params IEnumerable<Dim> dims) => new(elementType, new Shape(dims));

    /// <summary>A tensor type whose rank is unknown.</summary>
    public static TensorTypeInfo Tensor(DataType elementType) => new(elementType, null);

    /// <summary>A sparse tensor type with the given element type and dimensions.</summary>
    public static SparseTensorTypeInfo SparseTensor(DataType elementType, params IEnumerable<Dim> dims) => new(elementType, new Shape(dims));

    /// <summary>A sequence of <paramref name="elementType"/>.</summary>
    public static SequenceTypeInfo Sequence(TypeInfo elementType) => new(elementType);

    /// <summary>A map from <paramref name="keyType"/> to <paramref name="valueType"/>.</summary>
    public static MapTypeInfo Map(DataType keyType, TypeInfo valueType) => new(keyType, valueType);

    /// <summary>An optional <paramref name="elementType"/>.</summary>
    public static OptionalTypeInfo Optional(TypeInfo elementType) => new(elementType);

    internal static string Describe(TypeInfo? type) => type?.ToString() ?? "undefined";
}

/// <summary>A dense tensor type. Mirrors <c>TypeProto.Tensor</c>.</summary>
public sealed class TensorTypeInfo(DataType elementType, Shape? shape = null) : TypeInfo
{
    /// <summary>The element type.</summary>
    public DataType ElementType { get; set; } = elementType;

    /// <summary>The shape; null when even the rank is unknown.</summary>
    public Shape? Shape { get; set; } = shape;

    /// <inheritdoc/>
    public override string ToString() => $"tensor({ElementType.TypeName()})";
}

/// <summary>A sparse tensor type. Mirrors <c>TypeProto.SparseTensor</c>.</summary>
public sealed class SparseTensorTypeInfo(DataType elementType, Shape? shape = null) : TypeInfo
{
    /// <summary>The element type.</summary>
    public DataType ElementType { get; set; } = elementType;

    /// <summary>The shape; null when even the rank is unknown.</summary>
    public Shape? Shape { get; set; } = shape;

    /// <inheritdoc/>
    public override string ToString() => $"sparse_tensor({ElementType.TypeName()})";
}

/// <summary>A sequence of values of one type. Mirrors <c>TypeProto.Sequence</c>.</summary>
public sealed class SequenceTypeInfo(TypeInfo? elementType) : TypeInfo
{
    /// <summary>The type of every element; null when not given.</summary>
    public TypeInfo? ElementType { get; set; } = elementType;

    /// <inheritdoc/>
    public override string ToString() => $"seq({Describe(ElementType)})";
}

/// <summary>A map from an integer or string key to values of one type. Mirrors <c>TypeProto.Map</c>.</summary>
public sealed class MapTypeInfo(DataType keyType, TypeInfo? valueType) : TypeInfo
{
    /// <summary>The key type: an integer type or <see cref="DataType.String"/>.</summary>
    public DataType KeyType { get; set; } = keyType;

    /// <summary>The value type; null when not given.</summary>
    public TypeInfo? ValueType { get; set; } = valueType;

    /// <inheritdoc/>
    public override string ToString() => $"map({KeyType.TypeName()},{Describe(ValueType)})";
}

/// <summary>A value that may be absent. Mirrors <c>TypeProto.Optional</c>.</summary>
public sealed class OptionalTypeInfo(TypeInfo? elementType) : TypeInfo
{
    /// <summary>The type of the value when present; null when not given.</summary>
    public TypeInfo? ElementType { get; set; } = elementType;

    /// <inheritdoc/>
    public override string ToString() => $"optional({Describe(ElementType)})";
}

/// <summary>A type defined outside ONNX, named by domain and name. Mirrors <c>TypeProto.Opaque</c>.</summary>
public sealed class OpaqueTypeInfo(string? domain, string? name) : TypeInfo
{
    /// <summary>The domain that defines the type.</summary>
    public string? Domain { get; set; } = domain;

    /// <summary>The type's name within its domain.</summary>
    public string? Name { get; set; } = name;

    /// <inheritdoc/>
    public override string ToString() => $"opaque({Domain},{Name})";
}
