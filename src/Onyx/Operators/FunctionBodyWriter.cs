namespace Onyx.Operators;

/// <summary>
/// Writes the nodes of a function body: each node gets fresh names for its outputs, which later nodes take as
/// inputs; <see cref="Output"/> then gives a value the name of one of the schema's formal outputs. A writer for a
/// subgraph (a Loop or Scan body) takes a <paramref name="namePrefix"/> so its names differ from the outer scope's.
/// </summary>
internal sealed class FunctionBodyWriter(int opsetVersion, string namePrefix = "")
{
    private readonly List<Node> _nodes = [];
    private int _count;

    /// <summary>The version of the default domain the body's nodes are written against.</summary>
    public int OpsetVersion => opsetVersion;

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    public string Op(string opType, params string[] inputs) => Ops(opType, inputs, 1)[0];

    /// <summary>Adds a node with one output and the given attributes and returns the output's name.</summary>
    public string Op(string opType, IReadOnlyList<string> inputs, params Attribute[] attributes) => Ops(opType, inputs, 1, attributes)[0];

    /// <summary>Adds a node with <paramref name="outputCount"/> outputs and returns their names.</summary>
    public string[] Ops(string opType, IReadOnlyList<string> inputs, int outputCount, params Attribute[] attributes)
    {
        var outputs = new string[outputCount];
        for (int i = 0; i < outputs.Length; i++)
            outputs[i] = $"{namePrefix}{opType}_{_count++}";
        var node = new Node(opType, inputs, outputs);
        node.Attributes.AddRange(attributes);
        _nodes.Add(node);
        return outputs;
    }

    /// <summary>A Cast node converting <paramref name="value"/> to <paramref name="to"/>.</summary>
    public string Cast(string value, DataType to) => Op("Cast", [value], Attribute.Create("to", (long)to));

    /// <summary>A Constant node holding <paramref name="value"/>.</summary>
    public string Constant(Tensor value) => Op("Constant", [], Attribute.Create("value", value));

    /// <summary>A float scalar Constant.</summary>
    public string Scalar(float value) => Constant(Tensor.Scalar(value));

    /// <summary>An int64 scalar Constant.</summary>
    public string Scalar(long value) => Constant(Tensor.Scalar(value));

    /// <summary>A 1-D int64 Constant.</summary>
    public string Ints(params long[] values) => Constant(Tensor.FromArray(values, values.Length));

    /// <summary>A float scalar cast to the element type of <paramref name="like"/> (Constant, then CastLike).</summary>
    public string ScalarLike(float value, string like) => Op("CastLike", Scalar(value), like);

    /// <summary>The formal name of input <paramref name="index"/> when the node has that input, else "" (absent).</summary>
    public static string Input(FunctionBodyContext context, int index) => context.HasInput(index) ? context.Schema.Inputs[index].Name : "";

    /// <summary>True when the node has an output at <paramref name="index"/> with a non-empty name.</summary>
    public static bool HasOutput(FunctionBodyContext context, int index) => index < context.Node.Outputs.Count && context.Node.Outputs[index].Length > 0;

    /// <summary>
    /// Copies the nodes of <paramref name="graph"/>, a graph with one output, into the body with its inputs bound to
    /// <paramref name="inputs"/> (in order, as many as given), its initializers written as Constants and every other
    /// name made fresh; returns the name its output gets.
    /// </summary>
    public string Inline(Graph graph, IReadOnlyList<string> inputs)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < inputs.Count && i < graph.Inputs.Count; i++)
            names[graph.Inputs[i].Name] = inputs[i];
        foreach (Tensor initializer in graph.Initializers)
            names[initializer.Name] = Constant(initializer);
        string Renamed(string name) =>
            name.Length == 0 ? name : names.TryGetValue(name, out string? bound) ? bound : names[name] = $"{namePrefix}inlined_{_count++}";
        foreach (Node node in graph.Nodes)
        {
            var copy = new Node(node.OpType, node.Inputs.Select(Renamed), node.Outputs.Select(Renamed), node.Name, node.Domain) { Overload = node.Overload };
            copy.Attributes.AddRange(node.Attributes);
            _nodes.Add(copy);
        }
        return Renamed(graph.Outputs[0].Name);
    }

    /// <summary>Gives <paramref name="value"/>, the output of a node written before, the name <paramref name="formalOutput"/>.</summary>
    public void Output(string formalOutput, string value) => Rename(_nodes, value, formalOutput);

    /// <summary>An If branch: a subgraph without inputs whose nodes <paramref name="write"/> writes, with the values it returns as outputs.</summary>
    public Graph Branch(string name, Func<FunctionBodyWriter, IReadOnlyList<string>> write)
    {
        var branch = new FunctionBodyWriter(opsetVersion, $"{namePrefix}{name}_");
        IReadOnlyList<string> results = write(branch);
        var outputs = new List<string>();
        for (int i = 0; i < results.Count; i++)
        {
            outputs.Add($"{namePrefix}{name}_out{i}");
            branch.Output(outputs[i], results[i]);
        }
        return branch.ToGraph(name, [], outputs);
    }

    /// <summary>The nodes written so far as a subgraph with the given (untyped) inputs and outputs.</summary>
    public Graph ToGraph(string name, IEnumerable<string> inputs, IEnumerable<string> outputs)
    {
        var graph = new Graph(name);
        graph.Inputs.AddRange(inputs.Select(i => new ValueInfo(i)));
        graph.Outputs.AddRange(outputs.Select(o => new ValueInfo(o)));
        graph.Nodes.AddRange(_nodes);
        return graph;
    }

    /// <summary>The body written so far; its nodes name the node's inputs and outputs by the schema's formal names.</summary>
    public FunctionBody ToBody() => new(_nodes, [new OpsetImport(OpsetImport.DefaultDomain, opsetVersion)]);

    /// <summary>The body written so far; its nodes name the node's inputs and outputs, by position, as given.</summary>
    public FunctionBody ToBody(IReadOnlyList<string> inputNames, IReadOnlyList<string> outputNames) =>
        ToBody() with { InputNames = inputNames, OutputNames = outputNames };

    /// <summary>Renames a value in <paramref name="nodes"/> and in the subgraphs they hold, which may read it from the outer scope.</summary>
    private static void Rename(IEnumerable<Node> nodes, string from, string to)
    {
        foreach (Node node in nodes)
        {
            Rename(node.Inputs, from, to);
            Rename(node.Outputs, from, to);
            foreach (Attribute a in node.Attributes)
                foreach (Graph g in a.Graph is null ? a.Graphs : [a.Graph, .. a.Graphs])
                    Rename(g.Nodes, from, to);
        }
    }

    private static void Rename(List<string> names, string from, string to)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == from)
                names[i] = to;
    }
}
