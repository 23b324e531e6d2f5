namespace Onyx;

/// <summary>What kind of value a <see cref="SequenceValue"/> or <see cref="OptionalValue"/> holds. Numbered as in onnx-data.proto.</summary>
public enum ValueKind
{
    /// <summary>Not set.</summary>
    Undefined = 0,
    /// <summary>Dense tensors.</summary>
    Tensor = 1,
    /// <summary>Sparse tensors.</summary>
    SparseTensor = 2,
    /// <summary>Sequences.</summary>
    Sequence = 3,
    /// <summary>Maps.</summary>
    Map = 4,
    /// <summary>Optionals.</summary>
    Optional = 5,
}

/// <summary>
/// A sequence value, as stored in test data files. Mirrors <c>SequenceProto</c> of onnx-data.proto: the list that
/// matches <see cref="ElementKind"/> holds the elements.
/// </summary>
public sealed class SequenceValue(ValueKind elementKind, string name = "")
{
    /// <summary>The value's name.</summary>
    public string Name { get; set; } = name;

    /// <summary>Which list holds the elements.</summary>
    public ValueKind ElementKind { get; set; } = elementKind;

    /// <summary>Elements of kind <see cref="ValueKind.Tensor"/>.</summary>
    public List<Tensor> Tensors { get; } = [];

    /// <summary>Elements of kind <see cref="ValueKind.SparseTensor"/>.</summary>
    public List<SparseTensor> SparseTensors { get; } = [];

    /// <summary>Elements of kind <see cref="ValueKind.Sequence"/>.</summary>
    public List<SequenceValue> Sequences { get; } = [];

    /// <summary>Elements of kind <see cref="ValueKind.Map"/>.</summary>
    public List<MapValue> Maps { get; } = [];

    /// <summary>Elements of kind <see cref="ValueKind.Optional"/>.</summary>
    public List<OptionalValue> Optionals { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }
}

/// <summary>
/// A map value, as stored in test data files. Mirrors <c>MapProto</c>: integer keys in <see cref="Keys"/> or string
/// keys in <see cref="StringKeys"/>, and the values as a sequence of the same length.
/// </summary>
public sealed class MapValue(DataType keyType, string name = "")
{
    /// <summary>The value's name.</summary>
    public string Name { get; set; } = name;

    /// <summary>The key type: an integer type or STRING.</summary>
    public DataType KeyType { get; set; } = keyType;

    /// <summary>Integer keys.</summary>
    public List<long> Keys { get; } = [];

    /// <summary>String keys, as raw bytes.</summary>
    public List<byte[]> StringKeys { get; } = [];

    /// <summary>The values, one per key.</summary>
    public SequenceValue? Values { get; set; }

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }
}

/// <summary>An optional value, as stored in test data files. Mirrors <c>OptionalProto</c>: at most one value property is set.</summary>
public sealed class OptionalValue(ValueKind elementKind, string name = "")
{
    /// <summary>The value's name.</summary>
    public string Name { get; set; } = name;

    /// <summary>The kind of value it holds when present.</summary>
    public ValueKind ElementKind { get; set; } = elementKind;

    /// <summary>The tensor, when present.</summary>
    public Tensor? Tensor { get; set; }

    /// <summary>The sparse tensor, when present.</summary>
    public SparseTensor? SparseTensor { get; set; }

    /// <summary>The sequence, when present.</summary>
    public SequenceValue? Sequence { get; set; }

    /// <summary>The map, when present.</summary>
    public MapValue? Map { get; set; }

    /// <summary>The nested optional, when present.</summary>
    public OptionalValue? Optional { get; set; }

    /// <summary>True when a value is present.</summary>
    public bool HasValue => Tensor is not null || SparseTensor is not null || Sequence is not null || Map is not null || Optional is not null;

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }
}
