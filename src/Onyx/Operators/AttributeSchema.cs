namespace Onyx;

/// <summary>An attribute an operator accepts: its type, and whether it is required or what it defaults to.</summary>
public sealed record AttributeSchema
{
    /// <summary>Defines an attribute with no default; <paramref name="Required"/> says whether nodes must set it.</summary>
    public AttributeSchema(string name, AttributeType type, bool Required = false)
    {
        Name = name;
        Type = type;
        this.Required = Required;
    }

    /// <summary>Defines an int attribute with a default.</summary>
    public AttributeSchema(string name, long defaultValue) : this(name, AttributeType.Int) => Default = Attribute.Create(name, defaultValue);

    /// <summary>Defines a float attribute with a default.</summary>
    public AttributeSchema(string name, float defaultValue) : this(name, AttributeType.Float) => Default = Attribute.Create(name, defaultValue);

    /// <summary>Defines a string attribute with a default.</summary>
    public AttributeSchema(string name, string defaultValue) : this(name, AttributeType.String) => Default = Attribute.Create(name, defaultValue);

    /// <summary>Defines an ints attribute with a default.</summary>
    public AttributeSchema(string name, long[] defaultValue) : this(name, AttributeType.Ints) => Default = Attribute.Create(name, defaultValue);

    /// <summary>Defines a floats attribute with a default.</summary>
    public AttributeSchema(string name, float[] defaultValue) : this(name, AttributeType.Floats) => Default = Attribute.Create(name, defaultValue);

    /// <summary>Defines a strings attribute with a default.</summary>
    public AttributeSchema(string name, string[] defaultValue) : this(name, AttributeType.Strings) => Default = Attribute.Create(name, defaultValue);

    /// <summary>The attribute's name.</summary>
    public string Name { get; }

    /// <summary>The type a node's attribute must have.</summary>
    public AttributeType Type { get; }

    /// <summary>True when every node must set the attribute.</summary>
    public bool Required { get; }

    /// <summary>The value used when a node leaves the attribute out; null when there is none.</summary>
    public Attribute? Default { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Type}{(Required ? " (required)" : Default is null ? "" : " (default)")}";
}
