namespace Onyx;

/// <summary>
/// Walks graphs and function bodies in node order: names are defined once (single static assignment), every use
/// follows its definition (topological order, outer values of enclosing graphs defined before the owning node),
/// initializers agree with inputs, and outputs are defined. Each node's operator use is checked by
/// <see cref="OperatorUseChecker"/>; subgraph attributes are walked with the current scope as their outer scope.
/// </summary>
internal sealed class GraphChecker
{
    public GraphChecker(CheckContext context)
    {
        _context = context;
        _tensors = new TensorChecker(context);
        _operators = new OperatorUseChecker(context);
    }

    private readonly CheckContext _context;
    private readonly TensorChecker _tensors;
    private readonly OperatorUseChecker _operators;

    /// <summary>The path of the main graph in locations: its name, or <c>main</c> when it has none (as shape inference names it).</summary>
    private static string MainPath(Graph graph) => graph.Name.Length > 0 ? graph.Name : "main";

    public void CheckMainGraph(Graph graph) => CheckGraph(graph, MainPath(graph), null, _context.ModelOpsets, inFunction: false);

    /// <summary>Checks a function body: its inputs are the defined values, its outputs must be produced by its nodes.</summary>
    public void CheckFunctionBody(Function function, string path, IReadOnlyDictionary<string, long> opsets)
    {
        var location = NodeLocation.OfGraph(path);
        var scope = new ValueScope(null, LaterDefinitions(function.Nodes), path);
        foreach (string input in function.Inputs)
        {
            if (input.Length == 0)
                _context.Add(CheckCode.EmptyName, location, "a function input has no name");
            else if (scope.DefinesHere(input, out _))
                _context.Add(CheckCode.FunctionSignatureInvalid, location, $"input '{input}' is listed twice");
            else
                scope.Define(input, ValueOrigin.GraphInput, null);
        }
        CheckNodes(function.Nodes, scope, Declared(function.ValueInfos, []), opsets, inFunction: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string output in function.Outputs)
        {
            if (!seen.Add(output))
                _context.Add(CheckCode.FunctionSignatureInvalid, location, $"output '{output}' is listed twice");
            else if (output.Length > 0 && !scope.DefinesHere(output, out _))
                _context.Add(CheckCode.UndefinedGraphOutput, location, $"output '{output}' is neither an input of the function nor an output of a node of its body");
        }
    }

    private void CheckGraph(Graph graph, string path, ValueScope? outer, IReadOnlyDictionary<string, long> opsets, bool inFunction)
    {
        bool isMain = outer is null && !inFunction;
        var location = NodeLocation.OfGraph(path);
        if (graph.Name.Length == 0)
            _context.Add(CheckCode.EmptyName, location, "the graph has no name; every graph must be named");
        if (graph.SparseInitializers.Count > 0)
            _context.RequireIrVersion(6, "a sparse initializer", location);
        if (graph.QuantizationAnnotations.Count > 0)
            _context.RequireIrVersion(5, "a quantization annotation", location);

        var scope = new ValueScope(outer, LaterDefinitions(graph.Nodes), path);
        DefineInputs(graph, scope, isMain, location);
        DefineInitializers(graph, scope, location);
        foreach (ValueInfo info in graph.ValueInfos)
            _context.RequireIrVersion(info.Type, $"value '{info.Name}'", location);
        CheckNodes(graph.Nodes, scope, Declared(graph.ValueInfos, graph.Outputs), opsets, inFunction);
        CheckOutputs(graph, scope, isMain, location);
    }

    private void DefineInputs(Graph graph, ValueScope scope, bool isMain, NodeLocation location)
    {
        foreach (ValueInfo input in graph.Inputs)
        {
            if (input.Name.Length == 0)
            {
                _context.Add(CheckCode.EmptyName, location, "a graph input has no name");
                continue;
            }
            if (scope.DefinesHere(input.Name, out _))
                _context.Add(CheckCode.DuplicateGraphInput, location, $"input '{input.Name}' is listed twice");
            else if (scope.Outer is { } outer && outer.Sees(input.Name, out _))
                _context.Add(CheckCode.ShadowsOuterValue, location, $"input '{input.Name}' has the name of a value of an enclosing graph; subgraph names must not shadow outer ones");
            if (isMain)
                CheckDeclaredType(input, "input", location);
            _context.RequireIrVersion(input.Type, $"input '{input.Name}'", location);
            scope.Define(input.Name, ValueOrigin.GraphInput, input.Type);
        }
    }

    private void DefineInitializers(Graph graph, ValueScope scope, NodeLocation location)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Tensor initializer in graph.Initializers)
        {
            string what = $"initializer '{initializer.Name}'";
            _tensors.CheckTensor(initializer, what, location);
            if (DefineInitializer(initializer.Name, TypeInfo.Tensor(initializer.DataType, initializer.Dims.Select(d => (Dim)d)), names, scope, location, "initializer"))
                CheckAgainstInput(initializer, scope, location);
        }
        foreach (SparseTensor sparse in graph.SparseInitializers)
        {
            string name = sparse.Values?.Name ?? "";
            _tensors.CheckSparseTensor(sparse, $"sparse initializer '{name}'", location);
            if (sparse.Values is { } values)
                DefineInitializer(name, TypeInfo.Tensor(values.DataType, sparse.Dims.Select(d => (Dim)d)), names, scope, location, "sparse initializer");
        }
    }

    /// <summary>Defines one initializer's name; returns true when a graph input of that name exists.</summary>
    private bool DefineInitializer(string name, TypeInfo type, HashSet<string> names, ValueScope scope, NodeLocation location, string kind)
    {
        if (name.Length == 0)
        {
            _context.Add(CheckCode.EmptyName, location, $"a {kind} has no name; initializers define values by name");
            return false;
        }
        if (!names.Add(name))
        {
            _context.Add(CheckCode.DuplicateInitializer, location, $"{kind} '{name}' is defined twice (initializer names are unique across dense and sparse initializers)");
            return false;
        }
        bool isInput = scope.DefinesHere(name, out _);
        if (isInput)
            return true;
        // IR version 3 and earlier: initializers are defaults of graph inputs (onnx.proto, IR_VERSION_2019_1_22 relaxed it).
        if (_context.Model.IrVersion is > 0 and <= 3)
            _context.Add(CheckCode.InitializerNotInput, location, $"{kind} '{name}' is not a graph input; in IR version {_context.Model.IrVersion} every initializer must also be an input (IR version 4 relaxed this)");
        if (scope.Outer is { } outer && outer.Sees(name, out _))
            _context.Add(CheckCode.ShadowsOuterValue, location, $"{kind} '{name}' has the name of a value of an enclosing graph; subgraph names must not shadow outer ones");
        scope.Define(name, ValueOrigin.Initializer, type);
        return false;
    }

    private void CheckAgainstInput(Tensor initializer, ValueScope scope, NodeLocation location)
    {
        scope.DefinesHere(initializer.Name, out DefinedValue input);
        switch (input.Type)
        {
            case null:
                return;
            case TensorTypeInfo declared:
                if (declared.ElementType != DataType.Undefined && declared.ElementType != initializer.DataType)
                {
                    _context.Add(CheckCode.InitializerInputMismatch, location,
                        $"initializer '{initializer.Name}' is {initializer.DataType.ProtoName()} but the input of that name is declared {declared}");
                    return;
                }
                if (declared.Shape is { } shape && !ShapeAdmits(shape, initializer.Dims))
                    _context.Add(CheckCode.InitializerInputMismatch, location,
                        $"initializer '{initializer.Name}' has shape [{string.Join(",", initializer.Dims)}] but the input of that name is declared {shape}");
                return;
            default:
                _context.Add(CheckCode.InitializerInputMismatch, location, $"initializer '{initializer.Name}' is a tensor but the input of that name is declared {input.Type}");
                return;
        }
    }

    private static bool ShapeAdmits(Shape shape, long[] dims)
    {
        if (shape.Rank != dims.Length)
            return false;
        for (int i = 0; i < dims.Length; i++)
            if (shape.Dims[i].Value is long known && known != dims[i])
                return false;
        return true;
    }

    private void CheckNodes(List<Node> nodes, ValueScope scope, IReadOnlyDictionary<string, TypeInfo?> declared, IReadOnlyDictionary<string, long> opsets, bool inFunction)
    {
        for (int index = 0; index < nodes.Count; index++)
        {
            Node node = nodes[index];
            var (schema, location) = _operators.Resolve(node, new NodeLocation(scope.GraphPath, index, node.Name, node.OpType, node.Domain), opsets);
            CheckInputsDefined(node, scope, location);
            _operators.Check(node, schema, location, scope, declared, opsets, inFunction);
            foreach (Attribute attribute in node.Attributes)
            {
                string label = node.Name.Length > 0 ? node.Name : $"{node.OpType}_{index}";
                if (attribute.Graph is { } graph)
                    CheckGraph(graph, $"{scope.GraphPath}/{label}:{attribute.Name}", scope, opsets, inFunction);
                for (int k = 0; k < attribute.Graphs.Count; k++)
                    CheckGraph(attribute.Graphs[k], $"{scope.GraphPath}/{label}:{attribute.Name}[{k}]", scope, opsets, inFunction);
                if (attribute.Tensor is { } tensor)
                    _tensors.CheckTensor(tensor, $"attribute '{attribute.Name}'", location);
                for (int k = 0; k < attribute.Tensors.Count; k++)
                    _tensors.CheckTensor(attribute.Tensors[k], $"attribute '{attribute.Name}' tensor {k}", location);
                if (attribute.SparseTensor is { } sparse)
                    _tensors.CheckSparseTensor(sparse, $"attribute '{attribute.Name}'", location);
                for (int k = 0; k < attribute.SparseTensors.Count; k++)
                    _tensors.CheckSparseTensor(attribute.SparseTensors[k], $"attribute '{attribute.Name}' sparse tensor {k}", location);
            }
            DefineOutputs(node, scope, declared, location);
        }
    }

    private void CheckInputsDefined(Node node, ValueScope scope, NodeLocation location)
    {
        if (node.Inputs.Count == 0 && node.Outputs.Count == 0)
            _context.Add(CheckCode.EmptyNode, location, "the node has neither inputs nor outputs");
        for (int i = 0; i < node.Inputs.Count; i++)
        {
            string name = node.Inputs[i];
            if (name.Length == 0 || scope.Sees(name, out _))
                continue;
            if (scope.FindLaterDefinition(name) is var (graphPath, nodeIndex))
            {
                string where = graphPath == scope.GraphPath ? "" : $" of enclosing graph {graphPath}";
                _context.Add(CheckCode.NotTopologicallySorted, location,
                    $"input {i} '{name}' is produced by node {nodeIndex}{where}, which does not come before this node; nodes must be in topological order (no cycles)");
            }
            else
            {
                string outerNote = scope.Outer is null ? "" : " or a value of an enclosing graph";
                _context.Add(CheckCode.UndefinedInput, location, $"input {i} '{name}' is not an input, an initializer, an output of an earlier node{outerNote}");
            }
        }
    }

    private void DefineOutputs(Node node, ValueScope scope, IReadOnlyDictionary<string, TypeInfo?> declared, NodeLocation location)
    {
        for (int j = 0; j < node.Outputs.Count; j++)
        {
            string name = node.Outputs[j];
            if (name.Length == 0)
                continue;
            if (scope.DefinesHere(name, out DefinedValue existing))
            {
                if (existing.Origin == ValueOrigin.NodeOutput)
                    _context.Add(CheckCode.DuplicateNodeOutput, location, $"output {j} '{name}' is already produced by an earlier node (or listed twice); each value is assigned once");
                else
                    _context.Add(CheckCode.OutputRedefinesValue, location,
                        $"output {j} '{name}' has the name of a graph {(existing.Origin == ValueOrigin.GraphInput ? "input" : "initializer")}; each value is assigned once");
                continue;
            }
            if (scope.Outer is { } outer && outer.Sees(name, out _))
                _context.Add(CheckCode.OutputRedefinesValue, location, $"output {j} '{name}' has the name of a value of an enclosing graph; subgraph names must not shadow outer ones");
            scope.Define(name, ValueOrigin.NodeOutput, declared.GetValueOrDefault(name));
        }
    }

    private void CheckOutputs(Graph graph, ValueScope scope, bool isMain, NodeLocation location)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ValueInfo output in graph.Outputs)
        {
            if (output.Name.Length == 0)
            {
                _context.Add(CheckCode.EmptyName, location, "a graph output has no name");
                continue;
            }
            if (!seen.Add(output.Name))
            {
                _context.Add(CheckCode.DuplicateGraphOutput, location, $"output '{output.Name}' is listed twice");
                continue;
            }
            if (isMain)
                CheckDeclaredType(output, "output", location);
            _context.RequireIrVersion(output.Type, $"output '{output.Name}'", location);
            if (!scope.DefinesHere(output.Name, out _))
                _context.Add(CheckCode.UndefinedGraphOutput, location, $"output '{output.Name}' is not an input, an initializer or a node output of this graph");
        }
    }

    /// <summary>Main-graph inputs and outputs must declare their type and, for tensors, the rank (IR.md, Graphs).</summary>
    private void CheckDeclaredType(ValueInfo value, string kind, NodeLocation location)
    {
        string? missing = value.Type switch
        {
            null => "a type",
            TensorTypeInfo { ElementType: DataType.Undefined } or SparseTensorTypeInfo { ElementType: DataType.Undefined } => "an element type",
            TensorTypeInfo { Shape: null } or SparseTensorTypeInfo { Shape: null } => "a shape",
            SequenceTypeInfo { ElementType: null } or OptionalTypeInfo { ElementType: null } => "an element type",
            MapTypeInfo { KeyType: DataType.Undefined } => "a key type",
            MapTypeInfo { ValueType: null } => "a value type",
            OpaqueTypeInfo { Name: null or "" } => "an opaque type name",
            _ => null,
        };
        if (missing is not null)
            _context.Add(CheckCode.ValueTypeIncomplete, location, $"{kind} '{value.Name}' has no {missing[(missing.IndexOf(' ') + 1)..]}; main-graph inputs and outputs must declare {missing}");
    }

    /// <summary>The node index that defines each node output name (the first, when defined twice).</summary>
    private static Dictionary<string, int> LaterDefinitions(List<Node> nodes)
    {
        var definitions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
            foreach (string output in nodes[i].Outputs)
                if (output.Length > 0)
                    definitions.TryAdd(output, i);
        return definitions;
    }

    private static Dictionary<string, TypeInfo?> Declared(List<ValueInfo> valueInfos, List<ValueInfo> outputs)
    {
        var declared = new Dictionary<string, TypeInfo?>(StringComparer.Ordinal);
        foreach (ValueInfo info in valueInfos)
            declared.TryAdd(info.Name, info.Type);
        foreach (ValueInfo info in outputs)
            if (info.Type is not null)
                declared[info.Name] = info.Type;
        return declared;
    }
}
