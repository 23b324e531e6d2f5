namespace Onyx;

/// <summary>
/// The inference driver: walks graphs in node order, resolves each node's schema (or model-local function),
/// runs its inference function and merges the result with any declared type.
/// </summary>
internal sealed class GraphInferencer
{
    public GraphInferencer(Model model, ShapeInferenceOptions options)
    {
        _model = model;
        Options = options;
        foreach (Function f in model.Functions)
            _functions.TryAdd((OperatorDomains.Normalize(f.Domain), f.Name, f.Overload), f);
    }

    private readonly Model _model;
    private int _probeDepth;

    /// <summary>
    /// How deep probes may nest (a loop inside a loop being probed probes too). Each level multiplies the work by the
    /// number of probes a loop makes, so the depth is capped; beyond it a loop keeps only element types.
    /// </summary>
    private const int MaxProbeDepth = 2;
    private readonly Dictionary<(string Domain, string Name, string Overload), Function> _functions = [];
    private readonly HashSet<(string, string, string)> _functionsInProgress = [];
    private readonly List<ShapeInferenceException> _problems = [];

    public ShapeInferenceOptions Options { get; }

    public IReadOnlyList<ShapeInferenceException> Problems => _problems;

    public void InferModel()
    {
        Dictionary<string, long> opsets = Opsets(_model.OpsetImports, null);
        Graph graph = _model.Graph;
        var scope = new InferenceScope(null);
        BindInputs(graph, scope, null, Options.InputValues);
        InferGraphBody(graph, string.IsNullOrEmpty(graph.Name) ? "main" : graph.Name, scope, opsets);
    }

    /// <summary>Infers a subgraph that sees <paramref name="outer"/>; returns its output types.</summary>
    public IReadOnlyList<TypeInfo?> InferSubgraph(Graph graph, string path, InferenceScope outer, IReadOnlyList<TypeInfo?> inputTypes)
    {
        var scope = new InferenceScope(outer);
        BindInputs(graph, scope, inputTypes, null);
        InferGraphBody(graph, path, scope, Opsets(_model.OpsetImports, null));
        var outputs = new TypeInfo?[graph.Outputs.Count];
        for (int i = 0; i < outputs.Length; i++)
            outputs[i] = scope.Find(graph.Outputs[i].Name)?.Type ?? graph.Outputs[i].Type;
        return outputs;
    }

    /// <summary>True when probes are nested as deep as they may be, so no further probe can run.</summary>
    public bool CannotProbe => _probeDepth >= MaxProbeDepth;

    /// <summary>
    /// Infers a subgraph without recording anything in the model or reporting problems, to learn what its outputs
    /// would be for trial input types. Null when the subgraph has a problem with them.
    /// </summary>
    public IReadOnlyList<TypeInfo?>? ProbeSubgraph(Graph graph, string path, InferenceScope outer, IReadOnlyList<TypeInfo?> inputTypes)
    {
        if (CannotProbe)
            throw new InvalidOperationException($"Probes nest at most {MaxProbeDepth} deep.");
        _probeDepth++;
        try
        {
            return InferSubgraph(graph, path, outer, inputTypes);
        }
        catch (ShapeInferenceException)
        {
            return null;
        }
        finally
        {
            _probeDepth--;
        }
    }

    private void BindInputs(Graph graph, InferenceScope scope, IReadOnlyList<TypeInfo?>? inputTypes, IReadOnlyDictionary<string, Tensor>? knownValues)
    {
        var inputNames = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < graph.Inputs.Count; i++)
        {
            ValueInfo input = graph.Inputs[i];
            inputNames.Add(input.Name);
            TypeInfo? given = inputTypes is not null && i < inputTypes.Count ? inputTypes[i] : null;
            TypeInfo? type = TypeMerge.Merge(given, input.Type, problem =>
                Report(new ShapeInferenceException(NodeLocation.OfGraph(GraphLabel(graph)), $"input '{input.Name}': {problem}")));
            if (type is not null && TypeMerge.AddsTo(type, input.Type) && inputTypes is not null && Updates)
                input.Type = type;
            Tensor? known = knownValues is not null && knownValues.TryGetValue(input.Name, out Tensor? v) ? v : null;
            scope.Set(input.Name, Constant(type ?? (known is null ? null : TypeOf(known)), known));
        }
        foreach (Tensor initializer in graph.Initializers)
        {
            // From IR 4 on, an initializer that is also an input is only a default that may be replaced at run time.
            // Before IR 4 every initializer had to be listed as an input, so there the listing says nothing.
            if (inputNames.Contains(initializer.Name) && _model.IrVersion >= 4)
            {
                if (scope.Find(initializer.Name)?.Type is null)
                    scope.Set(initializer.Name, new ValueState(TypeOf(initializer)));
                continue;
            }
            scope.Set(initializer.Name, Constant(TypeOf(initializer), initializer));
        }
        foreach (SparseTensor sparse in graph.SparseInitializers)
            if (sparse.Values is { } values && !inputNames.Contains(values.Name))
                scope.Set(values.Name, new ValueState(TypeInfo.Tensor(values.DataType, sparse.Dims.Select(d => (Dim)d))));
    }

    private ValueState Constant(TypeInfo? type, Tensor? value)
    {
        if (value is null)
            return new ValueState(type);
        long[]? integers = TensorValues.Integers(value, Options.MaxPropagatedElements);
        Dim[]? values = integers is null || value.Dims.Length > 1 ? null : Array.ConvertAll(integers, v => new Dim(v));
        return new ValueState(type, value, values);
    }

    private static TensorTypeInfo TypeOf(Tensor tensor) => TypeInfo.Tensor(tensor.DataType, tensor.Dims.Select(d => (Dim)d));

    private void InferGraphBody(Graph graph, string path, InferenceScope scope, Dictionary<string, long> opsets)
    {
        var declared = new Dictionary<string, ValueInfo>(StringComparer.Ordinal);
        foreach (ValueInfo vi in graph.ValueInfos)
            declared.TryAdd(vi.Name, vi);
        foreach (ValueInfo vi in graph.Outputs)
            declared[vi.Name] = vi;
        var inputNames = new HashSet<string>(graph.Inputs.Select(i => i.Name), StringComparer.Ordinal);

        for (int index = 0; index < graph.Nodes.Count; index++)
        {
            Node node = graph.Nodes[index];
            ValueState?[] outputs = InferNode(node, index, path, scope, opsets);
            for (int j = 0; j < node.Outputs.Count; j++)
            {
                string name = node.Outputs[j];
                if (name.Length == 0)
                    continue;
                ValueState? inferred = outputs[j];
                declared.TryGetValue(name, out ValueInfo? info);
                var location = new NodeLocation(path, index, node.Name, node.OpType, node.Domain);
                TypeInfo? merged = TypeMerge.Merge(inferred?.Type, info?.Type, problem =>
                    Report(new ShapeInferenceException(location, $"output '{name}': {problem}")));
                scope.Set(name, (inferred ?? new ValueState(null)) with { Type = merged });
                if (merged is null || inputNames.Contains(name) || !Updates)
                    continue;
                if (info is null)
                {
                    info = new ValueInfo(name, merged);
                    graph.ValueInfos.Add(info);
                    declared[name] = info;
                }
                else if (TypeMerge.AddsTo(merged, info.Type))
                {
                    info.Type = merged;
                }
            }
        }
    }

    private ValueState?[] InferNode(Node node, int index, string path, InferenceScope scope, Dictionary<string, long> opsets)
    {
        var outputs = new ValueState?[node.Outputs.Count];
        string domain = OperatorDomains.Normalize(node.Domain);
        var location = new NodeLocation(path, index, node.Name, node.OpType, node.Domain);
        ValueState?[] inputs = ResolveInputs(node, scope);

        if (Options.NodeOpsets?.GetValueOrDefault(node) is { } own ? !own.TryGetValue(domain, out long opset) : !opsets.TryGetValue(domain, out opset))
        {
            if (_functions.TryGetValue((domain, node.OpType, node.Overload), out Function? local))
                return InferFunctionCall(node, location, local, inputs, outputs);
            Report(new ShapeInferenceException(location, $"the model does not import domain '{OperatorDomains.Display(domain)}'"));
            return outputs;
        }
        OperatorSchema? schema = Options.Registry.ResolveIncludingDeprecated(domain, node.OpType, opset);
        if (schema is null || schema.Deprecated)
        {
            if (_functions.TryGetValue((domain, node.OpType, node.Overload), out Function? local))
                return InferFunctionCall(node, location, local, inputs, outputs);
            string why = schema is null
                ? $"no operator {node.OpType} is defined in {OperatorDomains.Display(domain)} version {opset}"
                : $"{node.OpType} was removed in {OperatorDomains.Display(domain)} version {schema.SinceVersion}";
            Report(new ShapeInferenceException(location, why));
            return outputs;
        }
        location = location with { Version = schema.SinceVersion };
        if (node.Inputs.Count < schema.MinInputs || node.Inputs.Count > schema.MaxInputs
            || node.Outputs.Count < schema.MinOutputs || node.Outputs.Count > schema.MaxOutputs)
        {
            Report(new ShapeInferenceException(location,
                $"has {node.Inputs.Count} inputs and {node.Outputs.Count} outputs; the schema allows {Range(schema.MinInputs, schema.MaxInputs)} inputs and {Range(schema.MinOutputs, schema.MaxOutputs)} outputs"));
            return outputs;
        }
        if (schema.Inference is { } infer)
        {
            var context = new InferenceContext(this, node, schema, opset, location, inputs, scope);
            try
            {
                infer(context);
            }
            catch (ShapeInferenceException e)
            {
                Report(e);
                return outputs;
            }
            for (int j = 0; j < outputs.Length; j++)
                outputs[j] = context.Output(j);
            return outputs;
        }
        if (schema.FunctionBody is { } expand)
        {
            FunctionBody? body = expand(new FunctionBodyContext(node, schema, opset, Array.ConvertAll(inputs, s => s?.Type)));
            if (body is not null)
                return InferExpansion(node, location, body.InputNames ?? [.. schema.Inputs.Select(p => p.Name)], body.OutputNames ?? [.. schema.Outputs.Select(p => p.Name)],
                    body.Nodes, body.OpsetImports, [], inputs, outputs);
        }
        return outputs;
    }

    private static ValueState?[] ResolveInputs(Node node, InferenceScope scope)
    {
        var inputs = new ValueState?[node.Inputs.Count];
        for (int i = 0; i < inputs.Length; i++)
            if (node.Inputs[i].Length > 0)
                inputs[i] = scope.Find(node.Inputs[i]);
        return inputs;
    }

    private ValueState?[] InferFunctionCall(Node node, NodeLocation location, Function function, ValueState?[] inputs, ValueState?[] outputs)
    {
        var key = (OperatorDomains.Normalize(function.Domain), function.Name, function.Overload);
        if (!_functionsInProgress.Add(key))
        {
            Report(new ShapeInferenceException(location, $"function {function} calls itself"));
            return outputs;
        }
        try
        {
            List<Node> bound = function.Nodes.ConvertAll(inner => BindAttributes(inner, node, function));
            return InferExpansion(node, location, function.Inputs, function.Outputs, bound, function.OpsetImports, function.ValueInfos, inputs, outputs);
        }
        finally
        {
            _functionsInProgress.Remove(key);
        }
    }

    /// <summary>Infers an expansion (a model-local function or a schema's function body) in a scope of its own.</summary>
    private ValueState?[] InferExpansion(Node node, NodeLocation location, IReadOnlyList<string> formalInputs, IReadOnlyList<string> formalOutputs,
        IReadOnlyList<Node> body, IReadOnlyList<OpsetImport> bodyOpsets, IReadOnlyList<ValueInfo> valueInfos, ValueState?[] inputs, ValueState?[] outputs)
    {
        var scope = new InferenceScope(null);
        for (int i = 0; i < formalInputs.Count && i < inputs.Length; i++)
            if (inputs[i] is { } state)
                scope.Set(formalInputs[i], state);
        var graph = new Graph($"{node.OpType} expansion");
        graph.Nodes.AddRange(body);
        graph.ValueInfos.AddRange(valueInfos.Select(v => new ValueInfo(v.Name, TypeMerge.Clone(v.Type))));
        int problemsBefore = _problems.Count;
        InferGraphBody(graph, $"{location}", scope, Opsets(bodyOpsets, _model.OpsetImports));
        if (_problems.Count > problemsBefore)
            return outputs;
        for (int j = 0; j < outputs.Length && j < formalOutputs.Count; j++)
            outputs[j] = scope.Find(formalOutputs[j]);
        return outputs;
    }

    /// <summary>A copy of a function's node with attribute references replaced by the caller's attributes or the function's defaults.</summary>
    internal static Node BindAttributes(Node inner, Node caller, Function function)
    {
        var copy = new Node(inner.OpType, inner.Inputs, inner.Outputs, inner.Name, inner.Domain) { Overload = inner.Overload };
        foreach (Attribute a in inner.Attributes)
        {
            if (a.RefAttrName.Length == 0)
            {
                copy.Attributes.Add(a);
                continue;
            }
            Attribute? source = caller.FindAttribute(a.RefAttrName) ?? function.AttributeDefaults.Find(d => d.Name == a.RefAttrName);
            if (source is not null)
                copy.Attributes.Add(Renamed(source, a.Name));
        }
        return copy;
    }

    private static Attribute Renamed(Attribute source, string name)
    {
        var copy = new Attribute(name, source.Type)
        {
            Float = source.Float, Int = source.Int, StringBytes = source.StringBytes, Tensor = source.Tensor, Graph = source.Graph,
            SparseTensor = source.SparseTensor, TypeValue = source.TypeValue,
        };
        copy.Floats.AddRange(source.Floats);
        copy.Ints.AddRange(source.Ints);
        copy.Strings.AddRange(source.Strings);
        copy.Tensors.AddRange(source.Tensors);
        copy.Graphs.AddRange(source.Graphs);
        copy.SparseTensors.AddRange(source.SparseTensors);
        copy.TypeValues.AddRange(source.TypeValues);
        return copy;
    }

    private static Dictionary<string, long> Opsets(IReadOnlyList<OpsetImport> imports, IReadOnlyList<OpsetImport>? fallback)
    {
        var opsets = new Dictionary<string, long>(StringComparer.Ordinal);
        if (fallback is not null)
            foreach (OpsetImport o in fallback)
                opsets[OperatorDomains.Normalize(o.Domain)] = o.Version;
        foreach (OpsetImport o in imports)
            opsets[OperatorDomains.Normalize(o.Domain)] = o.Version;
        return opsets;
    }

    /// <summary>Whether inferred types are written into the model: as the options say, and never while probing.</summary>
    private bool Updates => Options.UpdateModel && _probeDepth == 0;

    private void Report(ShapeInferenceException problem)
    {
        if (Options.Strict || _probeDepth > 0)
            throw problem;
        _problems.Add(problem);
    }

    private static string Range(int min, int max) => max == int.MaxValue ? $"{min} or more" : min == max ? $"{min}" : $"{min} to {max}";

    private static string GraphLabel(Graph graph) => string.IsNullOrEmpty(graph.Name) ? "main" : graph.Name;
}
