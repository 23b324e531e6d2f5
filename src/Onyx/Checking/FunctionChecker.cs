namespace Onyx;

/// <summary>
/// Checks model-local functions: unique ids (domain, name, overload), no recursion, opset imports that agree with
/// the model's, and bodies checked like graphs (onnx checker's <c>check_model_local_functions</c>).
/// </summary>
internal sealed class FunctionChecker(CheckContext context, GraphChecker graphs)
{
    /// <summary>Registers the functions by id; reports duplicates. Runs before any graph is checked, so calls resolve.</summary>
    public void Register()
    {
        foreach (Function function in context.Model.Functions)
        {
            if (!context.Functions.TryAdd(Key(function), function))
                context.Add(CheckCode.DuplicateFunction, NodeLocation.OfGraph(PathOf(function)),
                    $"another model-local function has domain '{function.Domain}', name '{function.Name}' and overload '{function.Overload}'");
        }
    }

    public void CheckAll()
    {
        IReadOnlyDictionary<string, long> merged = MergedOpsets();
        foreach (Function function in context.Model.Functions)
            Check(function, merged);
        FindCycles();
    }

    public static string PathOf(Function function) => $"function {function}";

    private static (string, string, string) Key(Function function) => (OperatorDomains.Normalize(function.Domain), function.Name, function.Overload);

    /// <summary>The model's imports plus, for domains the model does not import, the first function's import (onnx merges them the same way).</summary>
    private Dictionary<string, long> MergedOpsets()
    {
        var merged = new Dictionary<string, long>(context.ModelOpsets, StringComparer.Ordinal);
        foreach (Function function in context.Model.Functions)
            foreach (OpsetImport import in function.OpsetImports)
                merged.TryAdd(OperatorDomains.Normalize(import.Domain), import.Version);
        return merged;
    }

    private void Check(Function function, IReadOnlyDictionary<string, long> modelOpsets)
    {
        string path = PathOf(function);
        var location = NodeLocation.OfGraph(path);
        if (function.Name.Length == 0)
            context.Add(CheckCode.EmptyName, location, "the function has no name");
        if (function.Overload.Length > 0)
            context.RequireIrVersion(10, "a function overload", location);
        if (function.AttributeDefaults.Count > 0)
            context.RequireIrVersion(9, "a function attribute default", location);
        var attributes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in function.AttributeNames.Concat(function.AttributeDefaults.Select(a => a.Name)))
            if (!attributes.Add(name))
                context.Add(CheckCode.FunctionSignatureInvalid, location, $"attribute '{name}' is declared twice");

        var opsets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (OpsetImport import in function.OpsetImports)
        {
            string domain = OperatorDomains.Normalize(import.Domain);
            if (!opsets.TryAdd(domain, import.Version))
                context.Add(CheckCode.DuplicateOpsetDomain, location, $"the function imports domain '{OperatorDomains.Display(domain)}' twice");
        }
        graphs.CheckFunctionBody(function, path, opsets);
        for (int index = 0; index < function.Nodes.Count; index++)
            CheckOpsetCompatibility(function.Nodes[index], index, path, opsets, modelOpsets);
    }

    /// <summary>A body node must resolve to the same schema under the function's import as under the model's.</summary>
    private void CheckOpsetCompatibility(Node node, int index, string path, Dictionary<string, long> functionOpsets, IReadOnlyDictionary<string, long> modelOpsets)
    {
        string domain = OperatorDomains.Normalize(node.Domain);
        if (!functionOpsets.TryGetValue(domain, out long functionVersion) || !modelOpsets.TryGetValue(domain, out long modelVersion) || functionVersion == modelVersion)
            return;
        OperatorSchema? underModel = context.Registry.Resolve(domain, node.OpType, modelVersion);
        OperatorSchema? underFunction = context.Registry.Resolve(domain, node.OpType, functionVersion);
        if (underModel is null && underFunction is null || underModel?.SinceVersion == underFunction?.SinceVersion)
            return;
        context.Add(CheckCode.FunctionOpsetMismatch, new NodeLocation(path, index, node.Name, node.OpType, node.Domain, underFunction?.SinceVersion),
            $"the function imports {OperatorDomains.Display(domain)} version {functionVersion} ({Describe(underFunction)}) but the model imports version {modelVersion} ({Describe(underModel)}); both must resolve {node.OpType} to the same schema");
    }

    private static string Describe(OperatorSchema? schema) => schema?.ToString() ?? "no schema";

    /// <summary>Reports each cycle of calls among the functions once, at the call that closes it.</summary>
    private void FindCycles()
    {
        var functions = context.Functions.Values.ToList();
        var calls = functions.ToDictionary(f => f, f => Calls(f));
        var state = new Dictionary<Function, int>(); // 1: on the current path, 2: done
        foreach (Function root in functions)
        {
            if (state.ContainsKey(root))
                continue;
            var path = new List<Function>();
            var stack = new Stack<(Function Function, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            path.Add(root);
            while (stack.Count > 0)
            {
                var (function, next) = stack.Pop();
                List<(Function Callee, int NodeIndex)> callees = calls[function];
                if (next == callees.Count)
                {
                    state[function] = 2;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                stack.Push((function, next + 1));
                var (callee, nodeIndex) = callees[next];
                if (!state.TryGetValue(callee, out int s))
                {
                    state[callee] = 1;
                    path.Add(callee);
                    stack.Push((callee, 0));
                }
                else if (s == 1)
                {
                    Node call = function.Nodes[nodeIndex];
                    string cycle = string.Join(" -> ", path.Skip(path.IndexOf(callee)).Append(callee));
                    context.Add(CheckCode.RecursiveFunction, new NodeLocation(PathOf(function), nodeIndex, call.Name, call.OpType, call.Domain),
                        $"model-local functions call themselves: {cycle}; functions must not be recursive");
                }
            }
        }
    }

    /// <summary>The functions a function's body calls, with the index of the body node that calls each (subgraphs included).</summary>
    private List<(Function Callee, int NodeIndex)> Calls(Function function)
    {
        var calls = new List<(Function, int)>();
        for (int i = 0; i < function.Nodes.Count; i++)
            AddCalls(function.Nodes[i], i, calls);
        return calls;
    }

    private void AddCalls(Node node, int index, List<(Function, int)> calls)
    {
        if (context.FindFunction(node) is { } callee && !calls.Contains((callee, index)))
            calls.Add((callee, index));
        foreach (Attribute attribute in node.Attributes)
            foreach (Graph graph in attribute.Graph is { } g ? attribute.Graphs.Prepend(g) : attribute.Graphs)
                foreach (Node inner in graph.Nodes)
                    AddCalls(inner, index, calls);
    }
}
