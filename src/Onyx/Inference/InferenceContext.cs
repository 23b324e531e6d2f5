namespace Onyx;

/// <summary>
/// What an operator's inference function sees of one node: its input types and known contents, its attributes
/// (schema defaults applied), and where to put the output types. Inference functions never allocate in
/// proportion to a declared size: they read ranks and dims, and constants only up to the propagation limit.
/// </summary>
internal sealed class InferenceContext
{
    internal InferenceContext(GraphInferencer inferencer, Node node, OperatorSchema schema, long opsetVersion,
        NodeLocation location, ValueState?[] inputs, InferenceScope scope)
    {
        _inferencer = inferencer;
        Node = node;
        Schema = schema;
        OpsetVersion = opsetVersion;
        Location = location;
        _inputs = inputs;
        _scope = scope;
        _attributes = new NodeAttributes(node, schema, Fail);
        _outputs = new ValueState?[node.Outputs.Count];
    }

    private readonly GraphInferencer _inferencer;
    private readonly ValueState?[] _inputs;
    private readonly InferenceScope _scope;
    private readonly NodeAttributes _attributes;
    private readonly ValueState?[] _outputs;

    public Node Node { get; }

    public OperatorSchema Schema { get; }

    /// <summary>The version of the node's domain the model imports (not the schema's since-version).</summary>
    public long OpsetVersion { get; }

    public NodeLocation Location { get; }

    /// <summary>The largest integer tensor whose values are tracked.</summary>
    public int MaxPropagatedElements => _inferencer.Options.MaxPropagatedElements;

    public int InputCount => Node.Inputs.Count;

    public int OutputCount => Node.Outputs.Count;

    /// <summary>True when the node has an input at <paramref name="index"/> with a non-empty name.</summary>
    public bool HasInput(int index) => index < Node.Inputs.Count && Node.Inputs[index].Length > 0;

    /// <summary>True when the node has an output at <paramref name="index"/> with a non-empty name.</summary>
    public bool HasOutput(int index) => index < Node.Outputs.Count && Node.Outputs[index].Length > 0;

    /// <summary>The input's type; null when the input is absent or its type is unknown.</summary>
    public TypeInfo? InputType(int index) => index < _inputs.Length ? _inputs[index]?.Type : null;

    /// <summary>The input's tensor type; null when absent or unknown. Fails when the input is known not to be a tensor.</summary>
    public TensorTypeInfo? InputTensor(int index) => InputType(index) switch
    {
        null => null,
        TensorTypeInfo tensor => tensor,
        TypeInfo other => throw Fail($"input {index} ('{Node.Inputs[index]}') must be a tensor, but it is {other}"),
    };

    /// <summary>The input's element type; <see cref="DataType.Undefined"/> when unknown.</summary>
    public DataType InputElementType(int index) => InputTensor(index)?.ElementType ?? DataType.Undefined;

    /// <summary>The input's shape; null when its rank is unknown.</summary>
    public Shape? InputShape(int index) => InputTensor(index)?.Shape;

    /// <summary>The input's rank; null when unknown.</summary>
    public int? InputRank(int index) => InputShape(index)?.Rank;

    /// <summary>The input's value when it is constant (an initializer, a Constant's output or a known graph input).</summary>
    public Tensor? InputConstant(int index) => index < _inputs.Length ? _inputs[index]?.Constant : null;

    /// <summary>The elements of a scalar or 1-D integer input, when known (from a constant or propagated through shape arithmetic).</summary>
    public Dim[]? InputValues(int index) => index < _inputs.Length ? _inputs[index]?.Values : null;

    /// <summary>The node's attribute, or the schema's default.</summary>
    public Attribute? Attribute(string name) => _attributes.Find(name);

    /// <summary>True when the node sets the attribute itself.</summary>
    public bool HasAttribute(string name) => _attributes.IsSet(name);

    public long? GetInt(string name) => _attributes.Int(name);

    public long GetInt(string name, long fallback) => _attributes.Int(name, fallback);

    public float? GetFloat(string name) => _attributes.Float(name);

    public float GetFloat(string name, float fallback) => _attributes.Float(name, fallback);

    public string? GetString(string name) => _attributes.String(name);

    public string GetString(string name, string fallback) => _attributes.String(name, fallback);

    public IReadOnlyList<long>? GetInts(string name) => _attributes.Ints(name);

    public IReadOnlyList<float>? GetFloats(string name) => _attributes.Floats(name);

    public IReadOnlyList<string>? GetStrings(string name) => _attributes.Strings(name);

    public Tensor? GetTensor(string name) => _attributes.Tensor(name);

    public Graph? GetGraph(string name) => _attributes.Graph(name);

    public TypeInfo? GetTypeProto(string name) => _attributes.TypeProto(name);

    /// <summary>Sets an output's type. Nothing happens for an absent output.</summary>
    public void SetOutputType(int index, TypeInfo? type)
    {
        if (index >= _outputs.Length)
            throw Fail($"the node has {_outputs.Length} outputs, so output {index} cannot be set");
        _outputs[index] = (_outputs[index] ?? new ValueState(null)) with { Type = type };
    }

    /// <summary>Sets an output to a tensor of <paramref name="elementType"/>; a null shape means unknown rank.</summary>
    public void SetOutput(int index, DataType elementType, Shape? shape) =>
        SetOutputType(index, new TensorTypeInfo(elementType, shape));

    /// <summary>Sets an output to a tensor of <paramref name="elementType"/> and the given dims.</summary>
    public void SetOutput(int index, DataType elementType, IEnumerable<Dim> dims) =>
        SetOutputType(index, new TensorTypeInfo(elementType, new Shape(dims)));

    /// <summary>Records the elements of a scalar or 1-D integer output, so later shape arithmetic can use them.</summary>
    public void SetOutputValues(int index, Dim[] values)
    {
        if (index < _outputs.Length && values.Length <= MaxPropagatedElements)
            _outputs[index] = (_outputs[index] ?? new ValueState(null)) with { Values = values };
    }

    /// <summary>Records that an output is a constant (Constant and similar operators).</summary>
    public void SetOutputConstant(int index, Tensor value)
    {
        if (index < _outputs.Length)
            _outputs[index] = (_outputs[index] ?? new ValueState(null)) with { Constant = value };
    }

    /// <summary>An exception naming this node, to throw when its inputs or attributes are inconsistent.</summary>
    public ShapeInferenceException Fail(string problem) => new(Location, problem);

    /// <summary>
    /// Infers a subgraph held in attribute <paramref name="attributeName"/> (If branches, Loop and Scan bodies)
    /// with the given input types; the subgraph sees this graph's values. Returns its output types.
    /// </summary>
    public IReadOnlyList<TypeInfo?> InferSubgraph(string attributeName, IReadOnlyList<TypeInfo?> inputTypes)
    {
        Graph graph = GetGraph(attributeName) ?? throw Fail($"attribute '{attributeName}' is required");
        return _inferencer.InferSubgraph(graph, $"{Location.GraphPath}/{NodeLabel}:{attributeName}", _scope, inputTypes);
    }

    /// <summary>
    /// What a subgraph's outputs would be for trial input types, without recording anything or reporting problems
    /// (see <see cref="GraphInferencer.ProbeSubgraph"/>); null when the subgraph has a problem with them. Not
    /// available when <see cref="CannotProbe"/>.
    /// </summary>
    public IReadOnlyList<TypeInfo?>? ProbeSubgraph(string attributeName, IReadOnlyList<TypeInfo?> inputTypes)
    {
        Graph graph = GetGraph(attributeName) ?? throw Fail($"attribute '{attributeName}' is required");
        return _inferencer.ProbeSubgraph(graph, $"{Location.GraphPath}/{NodeLabel}:{attributeName}", _scope, inputTypes);
    }

    /// <summary>True when this node is inferred inside probes nested as deep as they may be (<see cref="ProbeSubgraph"/>).</summary>
    public bool CannotProbe => _inferencer.CannotProbe;

    internal ValueState? Output(int index) => _outputs[index];

    private string NodeLabel => Node.Name.Length > 0 ? Node.Name : $"{Node.OpType}_{Location.NodeIndex}";
}
