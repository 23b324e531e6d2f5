using System.Text;

namespace Onyx;

/// <summary>
/// A named attribute of a node, or a default of a function attribute. Mirrors <c>AttributeProto</c>:
/// <see cref="Type"/> says which value property is in use. Inside a function body an attribute may
/// instead refer to an attribute of the calling node (<see cref="RefAttrName"/>).
/// </summary>
public sealed class Attribute(string name, AttributeType type)
{
    /// <summary>The attribute's name.</summary>
    public string Name { get; set; } = name;

    /// <summary>Which value the attribute holds.</summary>
    public AttributeType Type { get; set; } = type;

    /// <summary>Inside a function body: the calling node's attribute this one takes its value from; empty otherwise.</summary>
    public string RefAttrName { get; set; } = "";

    /// <summary>Documentation; Markdown allowed.</summary>
    public string DocString { get; set; } = "";

    /// <summary>The value of a <see cref="AttributeType.Float"/> attribute.</summary>
    public float Float { get; set; }

    /// <summary>The value of an <see cref="AttributeType.Int"/> attribute.</summary>
    public long Int { get; set; }

    /// <summary>The raw bytes of a <see cref="AttributeType.String"/> attribute; null when not set.</summary>
    public byte[]? StringBytes { get; set; }

    /// <summary>The value of a <see cref="AttributeType.String"/> attribute decoded as UTF-8; null when not set.</summary>
    public string? StringValue
    {
        get => StringBytes is null ? null : Encoding.UTF8.GetString(StringBytes);
        set => StringBytes = value is null ? null : Encoding.UTF8.GetBytes(value);
    }

    /// <summary>The value of a <see cref="AttributeType.Tensor"/> attribute.</summary>
    public Tensor? Tensor { get; set; }

    /// <summary>The value of a <see cref="AttributeType.Graph"/> attribute.</summary>
    public Graph? Graph { get; set; }

    /// <summary>The value of a <see cref="AttributeType.SparseTensor"/> attribute.</summary>
    public SparseTensor? SparseTensor { get; set; }

    /// <summary>The value of a <see cref="AttributeType.TypeProto"/> attribute.</summary>
    public TypeInfo? TypeValue { get; set; }

    /// <summary>The values of a <see cref="AttributeType.Floats"/> attribute.</summary>
    public List<float> Floats { get; } = [];

    /// <summary>The values of an <see cref="AttributeType.Ints"/> attribute.</summary>
    public List<long> Ints { get; } = [];

    /// <summary>The values of a <see cref="AttributeType.Strings"/> attribute, as raw bytes.</summary>
    public List<byte[]> Strings { get; } = [];

    /// <summary>The values of a <see cref="AttributeType.Tensors"/> attribute.</summary>
    public List<Tensor> Tensors { get; } = [];

    /// <summary>The values of a <see cref="AttributeType.Graphs"/> attribute.</summary>
    public List<Graph> Graphs { get; } = [];

    /// <summary>The values of a <see cref="AttributeType.SparseTensors"/> attribute.</summary>
    public List<SparseTensor> SparseTensors { get; } = [];

    /// <summary>The values of a <see cref="AttributeType.TypeProtos"/> attribute.</summary>
    public List<TypeInfo> TypeValues { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    /// <summary>A float attribute.</summary>
    public static Attribute Create(string name, float value) => new(name, AttributeType.Float) { Float = value };

    /// <summary>An integer attribute.</summary>
    public static Attribute Create(string name, long value) => new(name, AttributeType.Int) { Int = value };

    /// <summary>A string attribute, stored as UTF-8.</summary>
    public static Attribute Create(string name, string value) => new(name, AttributeType.String) { StringValue = value };

    /// <summary>A tensor attribute.</summary>
    public static Attribute Create(string name, Tensor value) => new(name, AttributeType.Tensor) { Tensor = value };

    /// <summary>A graph attribute.</summary>
    public static Attribute Create(string name, Graph value) => new(name, AttributeType.Graph) { Graph = value };

    /// <summary>A sparse tensor attribute.</summary>
    public static Attribute Create(string name, SparseTensor value) => new(name, AttributeType.SparseTensor) { SparseTensor = value };

    /// <summary>A type attribute.</summary>
    public static Attribute Create(string name, TypeInfo value) => new(name, AttributeType.TypeProto) { TypeValue = value };

    /// <summary>A list-of-floats attribute.</summary>
    public static Attribute Create(string name, IEnumerable<float> values) => Filled(new(name, AttributeType.Floats), a => a.Floats, values);

    /// <summary>A list-of-integers attribute.</summary>
    public static Attribute Create(string name, IEnumerable<long> values) => Filled(new(name, AttributeType.Ints), a => a.Ints, values);

    /// <summary>A list-of-strings attribute, stored as UTF-8.</summary>
    public static Attribute Create(string name, IEnumerable<string> values) =>
        Filled(new(name, AttributeType.Strings), a => a.Strings, values.Select(Encoding.UTF8.GetBytes));

    /// <summary>A list-of-tensors attribute.</summary>
    public static Attribute Create(string name, IEnumerable<Tensor> values) => Filled(new(name, AttributeType.Tensors), a => a.Tensors, values);

    /// <summary>A list-of-graphs attribute.</summary>
    public static Attribute Create(string name, IEnumerable<Graph> values) => Filled(new(name, AttributeType.Graphs), a => a.Graphs, values);

    /// <summary>A list-of-sparse-tensors attribute.</summary>
    public static Attribute Create(string name, IEnumerable<SparseTensor> values) =>
        Filled(new(name, AttributeType.SparseTensors), a => a.SparseTensors, values);

    /// <summary>A list-of-types attribute.</summary>
    public static Attribute Create(string name, IEnumerable<TypeInfo> values) => Filled(new(name, AttributeType.TypeProtos), a => a.TypeValues, values);

    /// <summary>
    /// An attribute inside a function body that takes the value of the calling node's attribute
    /// <paramref name="referencedName"/>.
    /// </summary>
    public static Attribute Reference(string name, AttributeType type, string referencedName) =>
        new(name, type) { RefAttrName = referencedName };

    private static Attribute Filled<T>(Attribute attribute, Func<Attribute, List<T>> list, IEnumerable<T> values)
    {
        list(attribute).AddRange(values);
        return attribute;
    }

    /// <inheritdoc/>
    public override string ToString() => RefAttrName.Length > 0 ? $"{Name} = @{RefAttrName}" : $"{Name}: {Type}";
}
