namespace Onyx;

/// <summary>Appends nodes to a list and invents unique output names; the shared core of the graph and function builders.</summary>
internal sealed class NodeSequenceBuilder(List<Node> nodes)
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public void Reserve(string name) => _names.Add(name);

    public string UniqueName(string stem)
    {
        string name = stem;
        for (int i = 1; !_names.Add(name); i++)
            name = $"{stem}_{i}";
        return name;
    }

    public Node Add(string opType, IEnumerable<string> inputs, int outputCount, string domain, Attribute[] attributes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputCount);
        var outputs = new string[outputCount];
        for (int i = 0; i < outputCount; i++)
            outputs[i] = UniqueName(outputCount == 1 ? opType.ToLowerInvariant() : $"{opType.ToLowerInvariant()}_out{i}");
        var node = new Node(opType, inputs, outputs, UniqueName("node_" + opType), domain);
        node.Attributes.AddRange(attributes);
        nodes.Add(node);
        return node;
    }

    public Node Add(Node node)
    {
        foreach (string output in node.Outputs)
            if (output.Length > 0)
                Reserve(output);
        if (node.Name.Length > 0)
            Reserve(node.Name);
        nodes.Add(node);
        return node;
    }
}
