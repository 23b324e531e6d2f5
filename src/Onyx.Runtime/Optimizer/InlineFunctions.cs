using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Replaces every main-graph node that has no kernel but a function body (a schema's, or a model-local function) by
/// the body's nodes, so function-defined operators run before a kernel of their own exists. Values inside a body get
/// a prefix unique to the call; the body's inputs and outputs take the caller's names. Bodies that call functions are
/// expanded in turn, up to a depth that stops recursion.
/// </summary>
internal static class InlineFunctions
{
    private const int MaxDepth = 32;

    /// <summary>
    /// Expands the nodes of <paramref name="model"/>'s main graph that <paramref name="kernels"/> cannot run;
    /// returns true when any was. <paramref name="inputTypes"/> gives the known type of a value (context-dependent
    /// bodies depend on their input types, so a body may only become available on a later call, once inference has
    /// typed what an earlier expansion produced). <paramref name="nodeOpsets"/> holds the opset versions of inlined
    /// nodes (a body imports its own, which may be newer than the model's); it is read for nodes inlined before and
    /// extended with the new ones. <paramref name="round"/> keeps the names of each call's expansions apart.
    /// </summary>
    public static bool Run(Model model, KernelRegistry kernels, Func<string, TypeInfo?> inputTypes, Dictionary<Node, IReadOnlyDictionary<string, long>> nodeOpsets, int round)
    {
        var functions = new Dictionary<(string, string, string), Function>();
        foreach (Function f in model.Functions)
            functions.TryAdd((OperatorDomains.Normalize(f.Domain), f.Name, f.Overload), f);
        IReadOnlyDictionary<string, long> modelOpsets = Opsets(model.OpsetImports, new Dictionary<string, long>());
        int calls = 0;
        var result = new List<Node>(model.Graph.Nodes.Count);
        var pending = new Stack<(Node Node, int Depth, IReadOnlyDictionary<string, long> Opsets)>(
            model.Graph.Nodes.AsEnumerable().Reverse().Select(n => (n, 0, nodeOpsets.GetValueOrDefault(n) ?? modelOpsets)));
        while (pending.Count > 0)
        {
            (Node node, int depth, IReadOnlyDictionary<string, long> opsets) = pending.Pop();
            if (Expand(node, opsets, functions, kernels, inputTypes, $"_inl{round}_{calls}_") is not var (body, bodyOpsets))
            {
                result.Add(node);
                if (opsets != modelOpsets)
                    nodeOpsets[node] = opsets;
                continue;
            }
            if (depth >= MaxDepth)
                throw new OnnxRuntimeException($"node '{node.Name}' ({node.OpType}): function bodies nest more than {MaxDepth} deep");
            calls++;
            nodeOpsets.Remove(node);
            IReadOnlyDictionary<string, long> inner = Opsets(bodyOpsets, opsets);
            foreach (Node n in body.Reverse())
                pending.Push((n, depth + 1, inner));
        }
        model.Graph.Nodes.Clear();
        model.Graph.Nodes.AddRange(result);
        return calls > 0;
    }

    /// <summary><paramref name="imports"/> as versions by normalized domain, over <paramref name="outer"/>'s for domains they do not name.</summary>
    private static IReadOnlyDictionary<string, long> Opsets(IEnumerable<OpsetImport> imports, IReadOnlyDictionary<string, long> outer)
    {
        var opsets = new Dictionary<string, long>(outer);
        foreach (OpsetImport import in imports)
            opsets[OperatorDomains.Normalize(import.Domain)] = import.Version;
        return opsets;
    }

    /// <summary>The renamed body of <paramref name="node"/> and the opsets it imports when it needs expanding, or null when a kernel runs it.</summary>
    private static (IReadOnlyList<Node> Body, IEnumerable<OpsetImport> Opsets)? Expand(Node node, IReadOnlyDictionary<string, long> opsets,
        Dictionary<(string, string, string), Function> functions, KernelRegistry kernels, Func<string, TypeInfo?> types, string prefix)
    {
        string domain = OperatorDomains.Normalize(node.Domain);
        if (functions.TryGetValue((domain, node.OpType, node.Overload), out Function? function))
        {
            List<Node> bound = function.Nodes.ConvertAll(inner => GraphInferencer.BindAttributes(inner, node, function));
            return (Rename(bound, function.Inputs, function.Outputs, node, prefix), function.OpsetImports);
        }
        if (!opsets.TryGetValue(domain, out long version) || OperatorRegistry.Default.Resolve(domain, node.OpType, version) is not { } schema)
            return null;
        if (kernels.Find(domain, node.OpType, schema.SinceVersion) is not null || schema.FunctionBody is not { } write)
            return null;
        TypeInfo?[] inputTypes = [.. node.Inputs.Select(n => n.Length > 0 ? types(n) : null)];
        if (write(new FunctionBodyContext(node, schema, version, inputTypes)) is not { } body)
            return null;
        IReadOnlyList<string> formalInputs = body.InputNames ?? [.. schema.Inputs.Select(p => p.Name)];
        IReadOnlyList<string> formalOutputs = body.OutputNames ?? [.. schema.Outputs.Select(p => p.Name)];
        return (Rename(body.Nodes, formalInputs, formalOutputs, node, prefix), body.OpsetImports);
    }

    /// <summary>Copies <paramref name="body"/> with formal names bound to the caller's and every other name prefixed.</summary>
    private static List<Node> Rename(IReadOnlyList<Node> body, IReadOnlyList<string> formalInputs, IReadOnlyList<string> formalOutputs, Node caller, string prefix)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < formalInputs.Count; i++)
            names[formalInputs[i]] = i < caller.Inputs.Count ? caller.Inputs[i] : "";
        for (int j = 0; j < formalOutputs.Count; j++)
            names[formalOutputs[j]] = j < caller.Outputs.Count ? caller.Outputs[j] : $"{prefix}{formalOutputs[j]}";
        string Renamed(string name) => name.Length == 0 ? name : names.TryGetValue(name, out string? bound) ? bound : prefix + name;
        return [.. body.Select(n => Copy(n, Renamed))];
    }

    private static Node Copy(Node node, Func<string, string> rename)
    {
        var copy = new Node(node.OpType, node.Inputs.Select(rename), node.Outputs.Select(rename), node.Name, node.Domain) { Overload = node.Overload };
        foreach (Attribute a in node.Attributes)
            copy.Attributes.Add(a.Graph is { } g ? Attribute.Create(a.Name, CopyGraph(g, rename)) : a);
        return copy;
    }

    /// <summary>A subgraph of a body: its own names and the body's names it reads are renamed alike.</summary>
    private static Graph CopyGraph(Graph graph, Func<string, string> rename)
    {
        var copy = new Graph(graph.Name);
        copy.Inputs.AddRange(graph.Inputs.Select(v => new ValueInfo(rename(v.Name), v.Type)));
        copy.Outputs.AddRange(graph.Outputs.Select(v => new ValueInfo(rename(v.Name), v.Type)));
        copy.ValueInfos.AddRange(graph.ValueInfos.Select(v => new ValueInfo(rename(v.Name), v.Type)));
        foreach (Tensor t in graph.Initializers)
        {
            Tensor renamed = t.DataType == DataType.String ? Tensor.FromStrings(t.ToStrings(), t.Dims) : new Tensor(t.DataType, t.Dims, t.RawData);
            renamed.Name = rename(t.Name);
            copy.Initializers.Add(renamed);
        }
        copy.Nodes.AddRange(graph.Nodes.Select(n => Copy(n, rename)));
        return copy;
    }
}
