namespace Onyx.Runtime.Kernels;

/// <summary>
/// What a kernel factory sees of a node when the session is prepared: the node, its resolved schema and version,
/// its attributes with the schema's defaults applied, and the input and output types inference found (null where
/// unknown).
/// </summary>
internal sealed class KernelNode
{
    public KernelNode(Node node, OperatorSchema schema, long opsetVersion, NodeLocation location, TypeInfo?[] inputTypes, TypeInfo?[] outputTypes, int threads = 1)
    {
        Threads = threads;
        Node = node;
        Schema = schema;
        OpsetVersion = opsetVersion;
        Location = location;
        InputTypes = inputTypes;
        OutputTypes = outputTypes;
        Attributes = new NodeAttributes(node, schema, Fail);
    }

    public Node Node { get; }

    public OperatorSchema Schema { get; }

    /// <summary>The version the model imports for the node's domain.</summary>
    public long OpsetVersion { get; }

    /// <summary>The schema's since-version.</summary>
    public int Version => Schema.SinceVersion;

    public NodeLocation Location { get; }

    /// <summary>The most iterations a Loop node may run (SessionOptions.MaxLoopIterations).</summary>
    public long MaxLoopIterations { get; init; } = long.MaxValue;

    /// <summary>
    /// The outer-scope values the node's subgraphs read; the kernel receives them as inputs after the node's own,
    /// in this order.
    /// </summary>
    public IReadOnlyList<string> Captured { get; init; } = [];

    /// <summary>Plans a subgraph of the node; its inputs are the subgraph's own, then the values it captures (<see cref="Planning.Captures"/>).</summary>
    public Func<Graph, Planning.ExecutionPlan> PlanSubgraph { get; init; } = _ => throw new InvalidOperationException("the node has no subgraph planner");

    /// <summary>
    /// Per input, its tensor when it is a constant of the graph (an initializer no caller can override), else null:
    /// a kernel may prepare from it once (pack weights) and must still read its input on each run.
    /// </summary>
    public IReadOnlyList<Tensor?> ConstantInputs { get; init; } = [];

    /// <summary>Input <paramref name="index"/>'s tensor when it is a constant of the graph, else null.</summary>
    public Tensor? ConstantInput(int index) => index < ConstantInputs.Count ? ConstantInputs[index] : null;

    /// <summary>How many threads the kernel may use (SessionOptions.IntraOpThreads, resolved).</summary>
    public int Threads { get; }

    public NodeAttributes Attributes { get; }

    public TypeInfo?[] InputTypes { get; }

    public TypeInfo?[] OutputTypes { get; }

    /// <summary>The element type of input <paramref name="index"/> when inference knows it; Undefined otherwise.</summary>
    public DataType InputElementType(int index) =>
        index < InputTypes.Length && InputTypes[index] is TensorTypeInfo t ? t.ElementType : DataType.Undefined;

    /// <summary>True when the node has an input at <paramref name="index"/> with a non-empty name.</summary>
    public bool HasInput(int index) => index < Node.Inputs.Count && Node.Inputs[index].Length > 0;

    /// <summary>An exception naming this node, for attributes or types the kernel cannot accept.</summary>
    public OnnxRuntimeException Fail(string problem) => new($"{Location}: {problem}");

    /// <summary>
    /// The value that string attribute <paramref name="attribute"/> (or <paramref name="defaultValue"/> when absent)
    /// names among <paramref name="choices"/>; any other string fails, listing the choices.
    /// </summary>
    public T Choice<T>(string attribute, string defaultValue, params (string Name, T Value)[] choices)
    {
        string name = Attributes.String(attribute, defaultValue);
        foreach ((string Name, T Value) choice in choices)
        {
            if (choice.Name == name)
                return choice.Value;
        }
        string names = string.Join(", ", choices[..^1].Select(c => c.Name)) + " or " + choices[^1].Name;
        throw Fail($"attribute '{attribute}' is '{name}'; expected {names}");
    }
}
