using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Optimizer;

/// <summary>
/// What a pass reads of the graph it rewrites: who produces and who reads each value, the constant values
/// (initializers that no graph input overrides), the graph's outputs and the inferred types. Built once per pass,
/// so a pass sees the graph as it was when the pass began.
/// </summary>
internal sealed class GraphView
{
    private readonly Dictionary<string, Node> _producers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Node>> _readers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tensor> _constants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _graphOutputs;
    private readonly HashSet<string> _subgraphReads = new(StringComparer.Ordinal);
    private readonly Func<string, TypeInfo?> _types;
    private readonly HashSet<string> _names;
    private readonly IReadOnlyDictionary<Node, IReadOnlyDictionary<string, long>> _opsets;
    private int _fresh;

    public GraphView(Graph graph, Func<string, TypeInfo?> types, IReadOnlyDictionary<Node, IReadOnlyDictionary<string, long>> opsets, IReadOnlyDictionary<string, long> modelOpsets)
    {
        Graph = graph;
        _types = types;
        _opsets = opsets;
        ModelOpsets = modelOpsets;
        var inputs = graph.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (Tensor t in graph.Initializers)
            if (!inputs.Contains(t.Name))
                _constants[t.Name] = t;
        foreach (Node node in graph.Nodes)
        {
            foreach (string output in node.Outputs)
                if (output.Length > 0)
                    _producers[output] = node;
            foreach (string input in node.Inputs)
                if (input.Length > 0)
                    Readers(input).Add(node);
            foreach (string captured in Planning.Captures.Of(node))
            {
                Readers(captured).Add(node);
                _subgraphReads.Add(captured);
            }
        }
        _graphOutputs = graph.Outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        _names = [.. inputs, .. _constants.Keys, .. _producers.Keys];
    }

    public Graph Graph { get; }

    /// <summary>The opset versions of the model's imports, by normalized domain.</summary>
    public IReadOnlyDictionary<string, long> ModelOpsets { get; }

    /// <summary>The node that produces <paramref name="value"/>, or null (a graph input, an initializer, absent).</summary>
    public Node? Producer(string value) => _producers.GetValueOrDefault(value);

    /// <summary>The nodes that read <paramref name="value"/> (a node reading it twice is listed twice; subgraph reads count for their node).</summary>
    public IReadOnlyList<Node> ReadersOf(string value) => _readers.TryGetValue(value, out List<Node>? r) ? r : [];

    /// <summary>The constant value of <paramref name="value"/>: an initializer no input overrides, or null.</summary>
    public Tensor? Constant(string value) => _constants.GetValueOrDefault(value);

    public bool IsGraphOutput(string value) => _graphOutputs.Contains(value);

    /// <summary>True when a subgraph of some node reads <paramref name="value"/> from the outer scope.</summary>
    public bool IsReadBySubgraph(string value) => _subgraphReads.Contains(value);

    /// <summary>True when <paramref name="value"/> is read by exactly one node, once, and is not a graph output: it can be fused away.</summary>
    public bool HasSingleReader(string value) => ReadersOf(value).Count == 1 && !IsGraphOutput(value) && !IsReadBySubgraph(value);

    public TypeInfo? Type(string value) => _types(value);

    /// <summary>The known dims of <paramref name="value"/> when it is a tensor whose every dim is a number, else null.</summary>
    public long[]? StaticDims(string value) =>
        Type(value) is TensorTypeInfo { Shape: { } shape } && shape.Dims.All(d => d.Value is not null) ? [.. shape.Dims.Select(d => d.Value!.Value)] : null;

    public DataType ElementType(string value) => Type(value) is TensorTypeInfo t ? t.ElementType : DataType.Undefined;

    /// <summary>The kernels the session runs with (a pass that evaluates nodes uses them).</summary>
    public KernelRegistry Kernels { get; init; } = KernelRegistry.Default;

    /// <summary>The options the session is prepared with.</summary>
    public SessionOptions Options { get; init; } = SessionOptions.Default;

    /// <summary>The largest value, in bytes, constant folding may compute (<see cref="ConstantFolding"/>).</summary>
    public long MaxFoldedBytes { get; init; } = ConstantFolding.MaxOutputBytes;

    /// <summary>The opset versions <paramref name="node"/> resolves against: the model's, or an inlined body's.</summary>
    public IReadOnlyDictionary<string, long> OpsetsOf(Node node) => _opsets.GetValueOrDefault(node) ?? ModelOpsets;

    /// <summary>The version of <paramref name="node"/>'s operator set (its domain as the model, or an inlined body, imports it).</summary>
    public long OpsetOf(Node node) => OpsetsOf(node).GetValueOrDefault(OperatorDomains.Normalize(node.Domain));

    /// <summary>The schema <paramref name="node"/> resolves to, or null.</summary>
    public OperatorSchema? Schema(Node node) => OperatorRegistry.Default.Resolve(OperatorDomains.Normalize(node.Domain), node.OpType, OpsetOf(node));

    /// <summary>A value name not used in the graph, built from <paramref name="hint"/>.</summary>
    public string FreshName(string hint)
    {
        string name;
        do
            name = $"{hint}_onyx{_fresh++}";
        while (!_names.Add(name));
        return name;
    }

    private List<Node> Readers(string value)
    {
        if (!_readers.TryGetValue(value, out List<Node>? list))
            _readers[value] = list = [];
        return list;
    }
}
