namespace Onyx;

/// <summary>
/// Builds a <see cref="Graph"/> step by step: inputs, initializers, nodes (whose outputs are named for you) and
/// outputs. The counterpart of onnx.helper's make_graph, make_node and make_tensor_value_info.
/// </summary>
/// <example>
/// <code>
/// var g = new GraphBuilder("mlp");
/// string x = g.AddInput("x", DataType.Float, "batch", 4);
/// string h = g.AddNode("Relu", [g.AddNode("Gemm", [x, g.AddInitializer("w", weights), g.AddInitializer("b", bias)])]);
/// g.AddOutput(h, DataType.Float, "batch", 8);
/// Model model = g.ToModel(opset: 21);
/// </code>
/// </example>
public sealed class GraphBuilder
{
    private readonly NodeSequenceBuilder _nodes;

    /// <summary>Starts an empty graph.</summary>
    public GraphBuilder(string name = "graph")
    {
        Graph = new Graph(name);
        _nodes = new NodeSequenceBuilder(Graph.Nodes);
    }

    /// <summary>The graph being built; it can be edited directly too.</summary>
    public Graph Graph { get; }

    /// <summary>Adds a tensor input with the given element type and dimensions (sizes or symbolic names); returns its name.</summary>
    public string AddInput(string name, DataType elementType, params Dim[] dims) => AddInput(ValueInfo.Tensor(name, elementType, dims));

    /// <summary>Adds an input of any type; returns its name.</summary>
    public string AddInput(ValueInfo input)
    {
        _nodes.Reserve(input.Name);
        Graph.Inputs.Add(input);
        return input.Name;
    }

    /// <summary>Adds an initializer (a constant) named <paramref name="name"/>; returns its name.</summary>
    public string AddInitializer(string name, Tensor value)
    {
        _nodes.Reserve(name);
        value.Name = name;
        Graph.Initializers.Add(value);
        return name;
    }

    /// <summary>Adds a node with one output, named after the operator; returns the output's name.</summary>
    public string AddNode(string opType, IEnumerable<string> inputs, params Attribute[] attributes) =>
        _nodes.Add(opType, inputs, 1, "", attributes).Outputs[0];

    /// <summary>Adds a node with <paramref name="outputCount"/> outputs from <paramref name="domain"/>; returns it.</summary>
    public Node AddNode(string opType, IEnumerable<string> inputs, int outputCount, string domain = "", params Attribute[] attributes) =>
        _nodes.Add(opType, inputs, outputCount, domain, attributes);

    /// <summary>Adds a node built by hand (its output names are kept); returns it.</summary>
    public Node AddNode(Node node) => _nodes.Add(node);

    /// <summary>Declares <paramref name="name"/> a graph output with the given element type and dimensions.</summary>
    public GraphBuilder AddOutput(string name, DataType elementType, params Dim[] dims) => AddOutput(ValueInfo.Tensor(name, elementType, dims));

    /// <summary>Declares a graph output of any type.</summary>
    public GraphBuilder AddOutput(ValueInfo output)
    {
        Graph.Outputs.Add(output);
        return this;
    }

    /// <summary>The graph.</summary>
    public Graph Build() => Graph;

    /// <summary>A model around the graph that imports the default domain at <paramref name="opset"/>.</summary>
    public Model ToModel(long opset) => new ModelBuilder(Graph).UseOpset("", opset).Build();
}
