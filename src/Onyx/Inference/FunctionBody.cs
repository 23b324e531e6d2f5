namespace Onyx;

/// <summary>
/// The nodes a function-defined operator expands to for one node. The nodes refer to the schema's formal
/// input and output names (or to <see cref="FunctionBody.InputNames"/> and <see cref="FunctionBody.OutputNames"/>);
/// the node's actual names are bound to them on expansion.
/// </summary>
internal sealed record FunctionBody(IReadOnlyList<Node> Nodes, IReadOnlyList<OpsetImport> OpsetImports)
{
    /// <summary>
    /// The names the nodes use for the node's inputs, by position; null when they use the schema's formal names,
    /// which name one value per formal and so cannot bind a variadic formal's second value.
    /// </summary>
    public IReadOnlyList<string>? InputNames { get; init; }

    /// <summary>The names the nodes give the node's outputs, by position; null for the schema's formal names.</summary>
    public IReadOnlyList<string>? OutputNames { get; init; }
}

/// <summary>What a context-dependent function body may look at: the node, its attributes and its input types.</summary>
internal sealed class FunctionBodyContext(Node node, OperatorSchema schema, long opsetVersion, IReadOnlyList<TypeInfo?> inputTypes)
{
    public Node Node { get; } = node;

    public OperatorSchema Schema { get; } = schema;

    public long OpsetVersion { get; } = opsetVersion;

    /// <summary>The actual input types, null where absent or unknown.</summary>
    public IReadOnlyList<TypeInfo?> InputTypes { get; } = inputTypes;

    public NodeAttributes Attributes { get; } = new(node, schema, problem => new OnyxException($"{schema}: {problem}"));

    /// <summary>True when the node has an input at <paramref name="index"/> with a non-empty name.</summary>
    public bool HasInput(int index) => index < Node.Inputs.Count && Node.Inputs[index].Length > 0;

    /// <summary>The element type of input <paramref name="index"/>; Undefined when absent or unknown.</summary>
    public DataType InputElementType(int index) =>
        index < InputTypes.Count && InputTypes[index] is TensorTypeInfo t ? t.ElementType : DataType.Undefined;
}
