namespace Onyx;

/// <summary>
/// A model-local function: an operator defined by a body of nodes, called by nodes whose domain, op type
/// and overload match. Mirrors <c>FunctionProto</c>.
/// </summary>
public sealed class Function(string domain, string name)
{
    /// <summary>The function's domain; nodes call it as <c>Domain.Name</c>.</summary>
    public string Domain { get; set; } = domain;

    /// <summary>The function's name (the op type of calling nodes).</summary>
    public string Name { get; set; } = name;

    /// <summary>Distinguishes functions that share domain and name.</summary>
    public string Overload { get; set; } = "";

    /// <summary>The formal input names.</summary>
    public List<string> Inputs { get; } = [];

    /// <summary>The formal output names.</summary>
    public List<string> Outputs { get; } = [];

    /// <summary>Names of attributes that have no default value.</summary>
    public List<string> AttributeNames { get; } = [];

    /// <summary>Attributes with default values.</summary>
    public List<Attribute> AttributeDefaults { get; } = [];

    /// <summary>The body, in topological order.</summary>
    public List<Node> Nodes { get; } = [];

    /// <summary>Documentation; Markdown allowed.</summary>
    public string DocString { get; set; } = "";

    /// <summary>The operator sets the body uses.</summary>
    public List<OpsetImport> OpsetImports { get; } = [];

    /// <summary>Types of values in the body.</summary>
    public List<ValueInfo> ValueInfos { get; } = [];

    /// <summary>Named metadata.</summary>
    public List<MetadataEntry> Metadata { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Domain}.{Name}{(Overload.Length > 0 ? ":" + Overload : "")}";
}
