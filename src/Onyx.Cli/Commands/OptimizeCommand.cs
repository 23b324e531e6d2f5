using System.CommandLine;
using System.Globalization;
using System.Text;
using Onyx.Runtime;
using Onyx.Runtime.Kernels;
using Onyx.Runtime.Planning;

namespace Onyx.Cli.Commands;

/// <summary>
/// <c>onyx optimize MODEL -o OUT [--level basic|extended|all] [--dims NAME=VALUE ...]</c>: writes the model as a session
/// would prepare it (functions without a kernel inlined, the graph optimized) and says what changed.
/// </summary>
internal static class OptimizeCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("model") { Description = "The .onnx file." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the optimized model.", Required = true };
        Option<string> level = OptimizationLevelOption.Create(
            "basic: rewrites into standard operators only; extended and all: also fusions into Onyx's own operators (ai.onyx).", "basic", "extended", "all");
        var dims = new Option<string[]>("--dims") { Description = "A value for a symbolic input dim as NAME=VALUE (e.g. batch=1), so shapes fold." };
        var command = new Command("optimize", "Optimize a model as a session would and save it. Exit code 0 saved, 1 the model cannot be prepared, 2 unreadable or unwritable.")
        {
            model,
            output,
            level,
            dims,
        };
        command.SetAction(result => Run(result.GetValue(model)!, result.GetValue(output)!, result.GetValue(level)!, result.GetValue(dims) ?? [],
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Exit codes: 0 optimized and saved, 1 the model is invalid or cannot be prepared, 2 unreadable or unwritable, or bad arguments.</summary>
    internal static int Run(FileInfo file, FileInfo target, string level, string[] dimArguments, TextWriter output, TextWriter error)
    {
        var overrides = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string argument in dimArguments)
        {
            int equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !long.TryParse(argument[(equals + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            {
                error.WriteLine($"onyx optimize: --dims '{argument}' must be NAME=VALUE with a non-negative integer VALUE");
                return 2;
            }
            overrides[argument[..equals]] = value;
        }
        Model model;
        try
        {
            model = Model.Load(file.FullName);
        }
        catch (Exception e) when (e is OnyxException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"onyx optimize: cannot read {file.FullName}: {e.Message}");
            return 2;
        }
        Dictionary<string, int> before = CountOpTypes(model.Graph);
        int nodesBefore = model.Graph.Nodes.Count;
        Planner.PreparedModel prepared;
        try
        {
            var options = new SessionOptions
            {
                OptimizationLevel = OptimizationLevelOption.Parse(level),
                FreeDimensionOverrides = overrides,
            };
            prepared = Planner.Prepare(model, options, KernelRegistry.Default);
        }
        catch (OnyxException e)
        {
            error.WriteLine($"onyx optimize: {e.Message}");
            return 1;
        }
        foreach (string problem in ImportInlinedOpsets(prepared))
            error.WriteLine($"warning: {problem}");
        var values = model.Graph.Nodes.SelectMany(n => n.Outputs).ToHashSet(StringComparer.Ordinal);
        model.Graph.ValueInfos.RemoveAll(v => !values.Contains(v.Name));
        // IR version 3 lists every initializer as a graph input; the constants folding adds are not, which IR 4 allows.
        var inputs = model.Graph.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        if (model.IrVersion < 4 && model.Graph.Initializers.Exists(t => !inputs.Contains(t.Name)))
            model.IrVersion = 4;
        try
        {
            model.Save(target.FullName);
        }
        catch (Exception e) when (e is OnyxException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"onyx optimize: cannot write {target.FullName}: {e.Message}");
            return 2;
        }
        output.Write(Summary(target.FullName, nodesBefore, before, model.Graph, prepared.PassCounts));
        return 0;
    }

    /// <summary>
    /// Adds the imports inlined function bodies need to the model's; returns a problem for each body that imports a
    /// domain at a version the model imports differently (its nodes may then mean something else when reloaded).
    /// </summary>
    private static List<string> ImportInlinedOpsets(Planner.PreparedModel prepared)
    {
        var problems = new List<string>();
        var imports = prepared.Model.OpsetImports.ToDictionary(o => OperatorDomains.Normalize(o.Domain), o => o.Version);
        foreach (var (node, opsets) in prepared.NodeOpsets)
        {
            string domain = OperatorDomains.Normalize(node.Domain);
            if (!opsets.TryGetValue(domain, out long version))
                continue;
            if (imports.TryAdd(domain, version))
                prepared.Model.OpsetImports.Add(new OpsetImport(domain, version));
            else if (imports[domain] != version)
                problems.Add($"node {node} comes from a function body that imports '{OperatorDomains.Display(domain)}' version {version}; the model imports version {imports[domain]}");
        }
        return problems;
    }

    private static Dictionary<string, int> CountOpTypes(Graph graph)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Node node in graph.Nodes)
        {
            string op = node.Domain.Length > 0 ? $"{node.Domain}.{node.OpType}" : node.OpType;
            counts[op] = counts.GetValueOrDefault(op) + 1;
        }
        return counts;
    }

    internal static string Summary(string path, int nodesBefore, Dictionary<string, int> before, Graph optimized, IReadOnlyDictionary<string, int> passCounts)
    {
        Dictionary<string, int> after = CountOpTypes(optimized);
        var text = new StringBuilder();
        text.Append($"{path}: {nodesBefore} nodes -> {optimized.Nodes.Count}\n");
        if (passCounts.Count > 0)
        {
            text.Append("Rewrites\n");
            foreach (var (pass, count) in passCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
                text.Append($"  {pass,-32}{count}\n");
        }
        string[] changed = [.. before.Keys.Union(after.Keys).Where(op => before.GetValueOrDefault(op) != after.GetValueOrDefault(op)).Order(StringComparer.Ordinal)];
        if (changed.Length > 0)
        {
            text.Append("Op types\n");
            foreach (string op in changed)
                text.Append($"  {op,-32}{before.GetValueOrDefault(op)} -> {after.GetValueOrDefault(op)}\n");
        }
        return text.ToString();
    }
}
