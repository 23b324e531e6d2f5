using Onyx.Runtime.Kernels;
using Onyx.Runtime.Optimizer;

namespace Onyx.Runtime.Planning;

/// <summary>
/// Prepares a model to run: checks it, infers its types, expands Gradient nodes, inlines the function bodies of operators without a kernel,
/// optimizes the graph (all this is <see cref="Prepare"/>), builds a kernel per node and decides after which step each intermediate value
/// can be released. A control-flow node's subgraphs get plans of their own, the outer values they read passed to the node as extra inputs.
/// </summary>
internal static class Planner
{
    private const int MaxInliningRounds = 8;

    public static ExecutionPlan Build(Model model, SessionOptions options, KernelRegistry kernels)
    {
        PreparedModel prepared = Prepare(model, options, kernels, forSession: true);
        IReadOnlyDictionary<string, long> opsets = model.OpsetImports.ToDictionary(o => OperatorDomains.Normalize(o.Domain), o => o.Version);
        ExecutionPlan plan = BuildGraph(model.Graph, new PlanScope(opsets, prepared.NodeOpsets, prepared.Types, options, kernels, 0), []);
        return options.EnableProfiling ? plan.Profiled() : plan;
    }

    /// <summary>
    /// A model ready to plan: checked, typed, its Gradient nodes expanded, its kernel-less functions inlined and its
    /// graph optimized; the opset versions of inlined nodes, the inferred types, and the patches each optimizer pass
    /// applied, by pass name.
    /// </summary>
    internal sealed record PreparedModel(Model Model, Dictionary<Node, IReadOnlyDictionary<string, long>> NodeOpsets, Dictionary<string, TypeInfo?> Types,
        IReadOnlyDictionary<string, int> PassCounts);

    /// <summary>
    /// Everything <see cref="Build"/> does before it builds kernels: rewrites <paramref name="model"/> in place. For a
    /// session (<paramref name="forSession"/>) constant folding computes values of up to
    /// <see cref="ConstantFolding.MaxSessionOutputBytes"/>, not <see cref="ConstantFolding.MaxOutputBytes"/>, and a model of
    /// IR version 3 or older takes its initializers as constants (<see cref="FixInitializers"/>); a model written out
    /// (<c>onyx optimize</c>) keeps both as they were.
    /// </summary>
    public static PreparedModel Prepare(Model model, SessionOptions options, KernelRegistry kernels, bool forSession = false)
    {
        ModelChecker.Validate(model);
        if (forSession)
            FixInitializers(model);
        OverrideFreeDimensions(model, options.FreeDimensionOverrides);
        var inlined = new Dictionary<Node, IReadOnlyDictionary<string, long>>(ReferenceEqualityComparer.Instance);
        Dictionary<string, TypeInfo?> types = Infer(model, inlined);
        if (ExpandGradients.Run(model, name => types.GetValueOrDefault(name)))
            types = Infer(model, inlined);
        // A body that depends on its input types may only be written once inference has typed an outer expansion.
        for (int round = 0; round < MaxInliningRounds && InlineFunctions.Run(model, kernels, name => types.GetValueOrDefault(name), inlined, round); round++)
            types = Infer(model, inlined);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (options.OptimizationLevel > GraphOptimizationLevel.DisableAll)
            GraphOptimizer.Run(model, options, kernels, inlined, name => types.GetValueOrDefault(name), () =>
            {
                types = Infer(model, inlined);
                return name => types.GetValueOrDefault(name);
            }, forSession ? ConstantFolding.MaxSessionOutputBytes : ConstantFolding.MaxOutputBytes, counts);
        return new PreparedModel(model, inlined, types, counts);
    }

    /// <summary>
    /// Runs <paramref name="node"/> once, alone, as a session would: on <paramref name="inputs"/> (constant tensors named
    /// as the inputs it reads), resolved against <paramref name="opsets"/>, with <paramref name="types"/> for its values.
    /// Returns its outputs by position (null where the node names none); throws <see cref="OnyxException"/> when the
    /// node cannot be built or run.
    /// </summary>
    internal static OnnxValue?[] Evaluate(Node node, IEnumerable<Tensor> inputs, IReadOnlyDictionary<string, long> opsets, Func<string, TypeInfo?> types,
        SessionOptions options, KernelRegistry kernels)
    {
        var graph = new Graph("evaluated");
        graph.Initializers.AddRange(inputs);
        graph.Nodes.Add(node);
        graph.Outputs.AddRange(node.Outputs.Where(o => o.Length > 0).Select(o => new ValueInfo(o)));
        var known = new Dictionary<string, TypeInfo?>(StringComparer.Ordinal);
        foreach (string name in node.Inputs.Concat(node.Outputs).Where(n => n.Length > 0))
            known[name] = types(name);
        ExecutionPlan plan = BuildGraph(graph, new PlanScope(opsets, new(ReferenceEqualityComparer.Instance), known, options, kernels, 0), []);
        string[] named = [.. node.Outputs.Where(o => o.Length > 0)];
        OnnxValue?[] values = ExecutionRun.Execute(plan, new Dictionary<string, OnnxValue>(), [.. named.Select(o => plan.Slots[o])]);
        return [.. node.Outputs.Select(o => o.Length == 0 ? null : values[Array.IndexOf(named, o)])];
    }

    /// <summary>
    /// What every graph of one model is planned with: its opsets, the opsets of inlined nodes, the inferred types, the
    /// options; and how deeply the graph being planned is nested in subgraphs.
    /// </summary>
    internal sealed record PlanScope(IReadOnlyDictionary<string, long> Opsets, Dictionary<Node, IReadOnlyDictionary<string, long>> Inlined,
        Dictionary<string, TypeInfo?> Types, SessionOptions Options, KernelRegistry Kernels, int Depth);

    /// <summary>
    /// The plan of one graph: the main graph, or a subgraph of a control-flow node, whose <paramref name="captured"/>
    /// outer-scope values become inputs after its own.
    /// </summary>
    private static ExecutionPlan BuildGraph(Graph graph, PlanScope scope, IReadOnlyList<string> captured)
    {
        var types = new Dictionary<string, TypeInfo?>(scope.Types, StringComparer.Ordinal);
        foreach (ValueInfo v in graph.Inputs.Concat(graph.ValueInfos).Concat(graph.Outputs).Where(v => v.Type is not null))
            types[v.Name] = v.Type;
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        int Slot(string name) => slots.TryGetValue(name, out int slot) ? slot : slots[name] = slots.Count;
        foreach (string input in graph.Inputs.Select(i => i.Name).Concat(captured))
            Slot(input);
        foreach (Tensor initializer in graph.Initializers)
            Slot(initializer.Name);
        foreach (Node node in graph.Nodes)
            foreach (string output in node.Outputs.Where(o => o.Length > 0))
                Slot(output);

        var constants = new OnnxValue?[slots.Count];
        foreach (Tensor initializer in graph.Initializers)
            constants[slots[initializer.Name]] = OnnxValue.FromTensor(initializer);
        foreach (SparseTensor sparse in graph.SparseInitializers)
            if (sparse.Values is { } values && slots.TryGetValue(values.Name, out int slot))
                throw new OnnxRuntimeException($"sparse initializer '{values.Name}' (slot {slot}): sparse initializers are not supported yet");

        var overridable = graph.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var fixedTensors = graph.Initializers.Where(t => !overridable.Contains(t.Name)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var steps = new List<PlanStep>(graph.Nodes.Count);
        for (int index = 0; index < graph.Nodes.Count; index++)
        {
            Node node = graph.Nodes[index];
            string[] nodeCaptures = Captures.Of(node);
            KernelNode kernelNode = Describe(node, index, graph, scope.Inlined.GetValueOrDefault(node) ?? scope.Opsets, types, scope.Options, nodeCaptures, fixedTensors,
                subgraph => scope.Depth < scope.Options.MaxSubgraphDepth
                    ? BuildGraph(subgraph, scope with { Types = types, Depth = scope.Depth + 1 }, Captures.Of(subgraph))
                    : throw new OnnxRuntimeException($"{Location(graph, index, node)}: its subgraph '{subgraph.Name}' nests deeper than SessionOptions.MaxSubgraphDepth ({scope.Options.MaxSubgraphDepth})"));
            KernelRegistration registration = scope.Kernels.Find(node.Domain, node.OpType, kernelNode.Version)
                ?? throw kernelNode.Fail($"Onyx has no kernel for {kernelNode.Schema} yet");
            int[] inputs = [.. node.Inputs.Select(n => n.Length == 0 ? -1 : slots.TryGetValue(n, out int s) ? s : throw kernelNode.Fail($"input '{n}' is not defined")),
                .. nodeCaptures.Select(n => slots.TryGetValue(n, out int s) ? s : throw kernelNode.Fail($"a subgraph reads '{n}', which is not defined before the node"))];
            int[] outputs = [.. node.Outputs.Select(n => n.Length == 0 ? -1 : slots[n])];
            steps.Add(new PlanStep(kernelNode, registration.Create(kernelNode), inputs, outputs, []));
        }

        var graphOutputs = graph.Outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var lastUse = new Dictionary<int, int>();
        for (int i = 0; i < steps.Count; i++)
            foreach (int slot in steps[i].InputSlots.Concat(steps[i].OutputSlots).Where(s => s >= 0))
                lastUse[slot] = i;
        var names = new string[slots.Count];
        foreach (var (name, slot) in slots)
            names[slot] = name;
        var released = steps.Select(_ => new List<int>()).ToArray();
        foreach (var (slot, step) in lastUse)
            if (constants[slot] is null && !graphOutputs.Contains(names[slot]))
                released[step].Add(slot);
        steps = [.. steps.Select((s, i) => s with { ReleasedSlots = [.. released[i]] })];

        var initializerNames = graph.Initializers.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return new ExecutionPlan(steps, slots, constants,
            [.. graph.Inputs.Select(i => new NodeMetadata(i.Name, types.GetValueOrDefault(i.Name) ?? i.Type, initializerNames.Contains(i.Name))),
                .. captured.Select(name => new NodeMetadata(name, null, false))],
            [.. graph.Outputs.Select(o => new NodeMetadata(o.Name, types.GetValueOrDefault(o.Name) ?? o.Type, false))]);
    }

    /// <summary>The node as a kernel sees it, resolved against <paramref name="opsets"/>: the model's, or for an inlined node its body's.</summary>
    private static KernelNode Describe(Node node, int index, Graph graph, IReadOnlyDictionary<string, long> opsets, Dictionary<string, TypeInfo?> types, SessionOptions options,
        string[] captured, IReadOnlyDictionary<string, Tensor> constants, Func<Graph, ExecutionPlan> planSubgraph)
    {
        string domain = OperatorDomains.Normalize(node.Domain);
        NodeLocation location = Location(graph, index, node);
        if (!opsets.TryGetValue(domain, out long version))
            throw new OnnxRuntimeException($"{location}: the model imports no version of domain '{OperatorDomains.Display(domain)}'");
        OperatorSchema schema = OperatorRegistry.Default.Resolve(domain, node.OpType, version)
            ?? throw new OnnxRuntimeException($"{location}: no operator {node.OpType} in version {version} of '{OperatorDomains.Display(domain)}'");
        location = location with { Version = schema.SinceVersion };
        return new KernelNode(node, schema, version, location,
            [.. node.Inputs.Select(n => n.Length == 0 ? null : types.GetValueOrDefault(n))],
            [.. node.Outputs.Select(n => n.Length == 0 ? null : types.GetValueOrDefault(n))], options.IntraOpThreads > 0 ? options.IntraOpThreads : Environment.ProcessorCount)
        {
            MaxLoopIterations = options.MaxLoopIterations,
            Captured = captured,
            ConstantInputs = [.. node.Inputs.Select(n => constants.GetValueOrDefault(n))],
            PlanSubgraph = planSubgraph,
        };
    }

    private static NodeLocation Location(Graph graph, int index, Node node) =>
        new(string.IsNullOrEmpty(graph.Name) ? "main" : graph.Name, index, node.Name, node.OpType, node.Domain);

    /// <summary>Lenient inference: the types it finds help kernels prepare; what it cannot infer stays unknown.</summary>
    private static Dictionary<string, TypeInfo?> Infer(Model model, Dictionary<Node, IReadOnlyDictionary<string, long>> nodeOpsets)
    {
        ShapeInference.InferShapes(model, new ShapeInferenceOptions { NodeOpsets = nodeOpsets });
        var types = new Dictionary<string, TypeInfo?>(StringComparer.Ordinal);
        foreach (Tensor t in model.Graph.Initializers)
            types[t.Name] = TypeInfo.Tensor(t.DataType, t.Dims.Select(d => (Dim)d));
        foreach (ValueInfo v in model.Graph.Inputs.Concat(model.Graph.ValueInfos).Concat(model.Graph.Outputs))
            if (v.Type is not null)
                types[v.Name] = v.Type;
        return types;
    }

    /// <summary>
    /// Up to IR version 3 every initializer had to be listed among the graph's inputs too, so the listing says nothing
    /// about a caller overriding it; IR.md leaves overriding to the runtime ("MAY allow"), and a session takes them as
    /// constants (as ONNX Runtime does), so that they fold and weights are packed once. From IR version 4 on, an
    /// initializer listed as an input is a default the caller may override.
    /// </summary>
    private static void FixInitializers(Model model)
    {
        if (model.IrVersion >= 4)
            return;
        HashSet<string> initializers = [.. model.Graph.Initializers.Select(t => t.Name)];
        model.Graph.Inputs.RemoveAll(i => initializers.Contains(i.Name));
    }

    private static void OverrideFreeDimensions(Model model, IReadOnlyDictionary<string, long> overrides)
    {
        if (overrides.Count == 0)
            return;
        foreach (ValueInfo input in model.Graph.Inputs)
            if (input.Type is TensorTypeInfo { Shape: { } shape } t)
                input.Type = new TensorTypeInfo(t.ElementType, new Shape(shape.Dims.Select(d => d.Param is { } p && overrides.TryGetValue(p, out long v) ? new Dim(v) : d)));
    }
}
