namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Replaces every main-graph Gradient node (ai.onnx.preview.training) by ordinary nodes that compute its outputs
/// by reverse-mode differentiation of the forward nodes between its "xs"/"zs" and its "y". When the Gradient's
/// inputs are the very values "xs" and "zs" name, the forward values are reused; otherwise the forward nodes are
/// copied to run on the Gradient's inputs, as the spec allows gradients at other points.
/// </summary>
internal static class ExpandGradients
{
    private const string TrainingDomain = "ai.onnx.preview.training";

    /// <summary>Expands the Gradient nodes of <paramref name="model"/>; returns true when there were any.</summary>
    public static bool Run(Model model, Func<string, TypeInfo?> types)
    {
        Graph graph = model.Graph;
        if (!graph.Nodes.Any(IsGradient))
            return false;
        long opset = model.OpsetImports.FirstOrDefault(o => OperatorDomains.Normalize(o.Domain) == "")?.Version ?? 0;
        var result = new List<Node>(graph.Nodes.Count);
        int calls = 0;
        foreach (Node node in graph.Nodes)
        {
            if (IsGradient(node))
                result.AddRange(Expand(node, graph, new GradientEmitter($"_grad{calls++}_", opset, types)));
            else
                result.Add(node);
        }
        graph.Nodes.Clear();
        graph.Nodes.AddRange(result);
        return true;
    }

    private static bool IsGradient(Node node) => node.OpType == "Gradient" && OperatorDomains.Normalize(node.Domain) == TrainingDomain;

    private static List<Node> Expand(Node gradient, Graph graph, GradientEmitter emit)
    {
        string[] xs = Strings(gradient, "xs");
        string[] zs = Strings(gradient, "zs");
        string y = gradient.Attributes.FirstOrDefault(a => a.Name == "y")?.StringValue ?? "";
        string[] independents = [.. xs, .. zs];
        if (gradient.Inputs.Count != independents.Length)
            throw emit.Fail(gradient, $"has {gradient.Inputs.Count} inputs but xs and zs name {independents.Length} values");

        List<Node> forward = ForwardNodes(gradient, graph, y, independents.ToHashSet(StringComparer.Ordinal), emit);
        var rename = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!independents.SequenceEqual(gradient.Inputs))
        {
            for (int i = 0; i < independents.Length; i++)
                rename[independents[i]] = gradient.Inputs[i];
            foreach (string output in forward.SelectMany(n => n.Outputs).Where(o => o.Length > 0))
                rename[output] = emit.Name(output);
            forward = [.. forward.Select(n => Renamed(n, rename))];
            foreach (var (from, to) in rename)
                emit.Originals[to] = from;
            emit.Nodes.AddRange(forward);
        }
        string Value(string name) => rename.GetValueOrDefault(name, name);

        var grads = new Dictionary<string, string>(StringComparer.Ordinal) { [Value(y)] = emit.OnesLike(Value(y), y) };
        foreach (Node node in Enumerable.Reverse(forward))
        {
            if (node.Outputs.Count == 0 || !grads.TryGetValue(node.Outputs[0], out string? g))
                continue;
            foreach ((string input, string contribution) in GradientRules.Apply(node, g, emit))
                grads[input] = grads.TryGetValue(input, out string? sum) ? emit.Node("Add", sum, contribution) : contribution;
        }

        for (int i = 0; i < gradient.Outputs.Count && i < xs.Length; i++)
        {
            if (gradient.Outputs[i].Length == 0)
                continue;
            string x = Value(xs[i]);
            string result = grads.TryGetValue(x, out string? g) ? g : emit.ZerosLike(x, xs[i]);
            emit.Nodes.Add(new Node("Identity", [result], [gradient.Outputs[i]], emit.Name("out")));
        }
        return emit.Nodes;
    }

    /// <summary>The nodes <paramref name="y"/> depends on, stopping at the independent values, in graph order.</summary>
    private static List<Node> ForwardNodes(Node gradient, Graph graph, string y, HashSet<string> independents, GradientEmitter emit)
    {
        var producers = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (Node node in graph.Nodes.Where(n => !IsGradient(n)))
            foreach (string output in node.Outputs.Where(o => o.Length > 0))
                producers[output] = node;
        if (!producers.ContainsKey(y) && !independents.Contains(y))
            throw emit.Fail(gradient, $"y '{y}' is not computed by the graph");
        var needed = new HashSet<Node>();
        var pending = new Stack<string>([y]);
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (independents.Contains(name) || !producers.TryGetValue(name, out Node? producer) || !needed.Add(producer))
                continue;
            foreach (string input in producer.Inputs.Where(i => i.Length > 0))
                pending.Push(input);
        }
        return [.. graph.Nodes.Where(needed.Contains)];
    }

    private static string[] Strings(Node node, string attribute) =>
        [.. node.Attributes.FirstOrDefault(a => a.Name == attribute)?.Strings.Select(System.Text.Encoding.UTF8.GetString) ?? []];

    private static Node Renamed(Node node, Dictionary<string, string> rename)
    {
        string Name(string n) => rename.GetValueOrDefault(n, n);
        var copy = new Node(node.OpType, node.Inputs.Select(Name), node.Outputs.Select(Name), node.Name, node.Domain) { Overload = node.Overload };
        copy.Attributes.AddRange(node.Attributes);
        return copy;
    }
}
