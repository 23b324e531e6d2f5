namespace Onyx;

/// <summary>Reads a node's attributes by name and type, falling back to the schema's defaults.</summary>
internal sealed class NodeAttributes(Node node, OperatorSchema? schema, Func<string, Exception> fail)
{
    /// <summary>The node's attribute, or the schema's default when the node leaves it out; null when neither exists.</summary>
    public Attribute? Find(string name) => node.FindAttribute(name) ?? schema?.FindAttribute(name)?.Default;

    /// <summary>True when the node itself sets the attribute.</summary>
    public bool IsSet(string name) => node.FindAttribute(name) is not null;

    public long? Int(string name) => Typed(name, AttributeType.Int)?.Int;

    public long Int(string name, long fallback) => Int(name) ?? fallback;

    public float? Float(string name) => Typed(name, AttributeType.Float)?.Float;

    public float Float(string name, float fallback) => Float(name) ?? fallback;

    public string? String(string name) => Typed(name, AttributeType.String)?.StringValue;

    public string String(string name, string fallback) => String(name) ?? fallback;

    public IReadOnlyList<long>? Ints(string name) => Typed(name, AttributeType.Ints)?.Ints;

    public IReadOnlyList<float>? Floats(string name) => Typed(name, AttributeType.Floats)?.Floats;

    public IReadOnlyList<string>? Strings(string name) =>
        Typed(name, AttributeType.Strings)?.Strings.ConvertAll(System.Text.Encoding.UTF8.GetString);

    public Tensor? Tensor(string name) => Typed(name, AttributeType.Tensor)?.Tensor;

    public Graph? Graph(string name) => Typed(name, AttributeType.Graph)?.Graph;

    public TypeInfo? TypeProto(string name) => Typed(name, AttributeType.TypeProto)?.TypeValue;

    private Attribute? Typed(string name, AttributeType type)
    {
        Attribute? attribute = Find(name);
        if (attribute is null)
            return null;
        if (attribute.Type != type)
            throw fail($"attribute '{name}' must be of type {type}, but it is {attribute.Type}");
        return attribute;
    }
}
