namespace Onyx;

/// <summary>How a name came to be defined in a graph.</summary>
internal enum ValueOrigin
{
    GraphInput,
    Initializer,
    NodeOutput,
}

/// <summary>A value the checker has seen defined: how, and its declared type when one is known.</summary>
internal readonly record struct DefinedValue(ValueOrigin Origin, TypeInfo? Type);

/// <summary>
/// The values defined so far in one graph or function body, in front of those of the enclosing graphs (a subgraph sees
/// the outer values defined before its node). Also knows which names nodes of the graph define further on, so a use
/// before its definition can be told from a name that is never defined.
/// </summary>
internal sealed class ValueScope(ValueScope? outer, IReadOnlyDictionary<string, int> laterDefinitions, string graphPath)
{
    private readonly Dictionary<string, DefinedValue> _values = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, int> _laterDefinitions = laterDefinitions;

    public ValueScope? Outer => outer;

    public string GraphPath => graphPath;

    public bool DefinesHere(string name, out DefinedValue value) => _values.TryGetValue(name, out value);

    /// <summary>Finds a visible value, here or in an enclosing graph.</summary>
    public bool Sees(string name, out DefinedValue value)
    {
        for (ValueScope? scope = this; scope is not null; scope = scope.Outer)
            if (scope._values.TryGetValue(name, out value))
                return true;
        value = default;
        return false;
    }

    public TypeInfo? TypeOf(string name) => Sees(name, out DefinedValue value) ? value.Type : null;

    public void Define(string name, ValueOrigin origin, TypeInfo? type) => _values[name] = new DefinedValue(origin, type);

    /// <summary>The graph and node index that define <paramref name="name"/> later than the point reached; null when none does.</summary>
    public (string GraphPath, int NodeIndex)? FindLaterDefinition(string name)
    {
        for (ValueScope? scope = this; scope is not null; scope = scope.Outer)
            if (!scope._values.ContainsKey(name) && scope._laterDefinitions.TryGetValue(name, out int index))
                return (scope.GraphPath, index);
        return null;
    }
}
