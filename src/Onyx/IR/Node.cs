namespace Onyx;

/// <summary>One operator call in a graph. Mirrors <c>NodeProto</c>.</summary>
public sealed class Node
{
    /// <summary>Creates a node calling <paramref name="opType"/> of <paramref name="domain"/>.</summary>
    public Node(string opType, IEnumerable<string>? inputs = null, IEnumerable<string>? outputs = null, string name = "", string domain = "")
    {
        OpType = opType;
        Inputs = inputs is null ? [] : [.. inputs];
        Outputs = outputs is null ? [] : [.. outputs];
        Name = name;
        Domain = domain;
    }

    /// <summary>Input value names; the empty string marks an omitted optional input.</summary>
    public List<string> Inputs { get; }

    /// <summary>Output value names; the empty string marks an omitted optional output.</summary>
    public List<string> Outputs { get; }

    /// <summary>An optional name, for diagnostics.</summary>
    public string Name { get; set; }

    /// <summary>The operator's name, e.g. <c>Conv</c>.</summary>
    public string OpType { get; set; }

    /// <summary>The operator's domain; empty is the default ONNX domain.</summary>
    public string Domain { get; set; }

    /// <summary>Selects one of several model-local functions of the same name and domain.</summary>
    public string Overload { get; set; } = "";

    /// <summary>The attributes.</summary>
    public List<Attribute> Attributes { get; } = [];

    /// <summary>Documentation; Markdown allowed.</summary>
    public string DocString { get; set; } = "";

    /// <summary>Named metadata.</summary>
    public List<MetadataEntry> Metadata { get; } = [];

    /// <summary>How the node is placed on devices in a multi-device configuration.</summary>
    public List<NodeDeviceConfiguration> DeviceConfigurations { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    /// <summary>The attribute with the given name, or null.</summary>
    public Attribute? FindAttribute(string name)
    {
        foreach (Attribute a in Attributes)
            if (a.Name == name)
                return a;
        return null;
    }

    /// <summary>Adds an attribute and returns this node, for chaining.</summary>
    public Node With(Attribute attribute)
    {
        Attributes.Add(attribute);
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(Name.Length > 0 ? Name + " " : "")}{(Domain.Length > 0 ? Domain + "." : "")}{OpType}({string.Join(", ", Inputs)}) -> ({string.Join(", ", Outputs)})";
}
