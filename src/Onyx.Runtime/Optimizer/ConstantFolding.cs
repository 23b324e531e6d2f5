using Onyx.Runtime.Planning;

namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Evaluates, once, every node whose inputs are all constant (initializers no graph input overrides, or outputs of
/// nodes folded before it in the same pass) and replaces it by initializers named as its outputs, so a folded graph
/// output keeps its name. The node runs with the session's own kernel (<see cref="Planner.Evaluate"/>). A node is left
/// alone when an output's inferred type is not a tensor of known shape and fixed-size elements, when an output would
/// exceed the budget (<see cref="GraphView.MaxFoldedBytes"/>: <see cref="MaxOutputBytes"/> for a model written out,
/// <see cref="MaxSessionOutputBytes"/> inside a session), when it draws random numbers, holds a subgraph, has no
/// kernel, or when its kernel fails (the run then reports the failure where it happens).
/// </summary>
internal sealed class ConstantFolding : GraphPass
{
    /// <summary>The largest output, in bytes, a folded node may have in a model written out (<c>onyx optimize</c>): there folding trades model size for run time.</summary>
    public const long MaxOutputBytes = 4 << 20;

    /// <summary>
    /// The largest output, in bytes, a folded node may have in a model a session prepares (1 GiB): every run would
    /// compute the value anew and hold it while it runs (weights made by ConstantOfShape, say), so the session computes
    /// it once instead, and the kernels that read it may prepare it (pack a constant weight) once.
    /// </summary>
    public const long MaxSessionOutputBytes = 1L << 30;

    /// <summary>Operators whose outputs differ from run to run.</summary>
    internal static readonly HashSet<string> RandomOperators =
        ["RandomNormal", "RandomUniform", "RandomNormalLike", "RandomUniformLike", "Bernoulli", "Multinomial", "Dropout"];

    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Basic;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        var folded = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var patches = new List<GraphPatch>();
        foreach (Node node in graph.Graph.Nodes)
        {
            if (Inputs(graph, node, folded) is not { } inputs || !Foldable(graph, node) || Evaluate(graph, node, inputs) is not { } outputs)
                continue;
            foreach (Tensor output in outputs)
                folded[output.Name] = output;
            patches.Add(new GraphPatch([node], []) { Initializers = outputs });
        }
        return patches;
    }

    /// <summary>The constant inputs of <paramref name="node"/>, or null when one is not constant.</summary>
    private static List<Tensor>? Inputs(GraphView graph, Node node, Dictionary<string, Tensor> folded)
    {
        var inputs = new List<Tensor>(node.Inputs.Count);
        foreach (string input in node.Inputs)
        {
            if (input.Length == 0 || inputs.Exists(t => t.Name == input))
                continue;
            if ((graph.Constant(input) ?? folded.GetValueOrDefault(input)) is not { HasData: true, DataLocation: not TensorDataLocation.External } constant)
                return null;
            inputs.Add(constant);
        }
        return inputs;
    }

    private static bool Foldable(GraphView graph, Node node)
    {
        if (node.Outputs.Count == 0 || RandomOperators.Contains(node.OpType) || node.Attributes.Exists(a => a.Graph is not null || a.Graphs.Count > 0)
            || graph.Schema(node) is not { } schema || graph.Kernels.Find(node.Domain, node.OpType, schema.SinceVersion) is null)
            return false;
        foreach (string output in node.Outputs)
        {
            if (output.Length == 0)
                continue;
            DataType type = graph.ElementType(output);
            if (type is DataType.Undefined or DataType.String || type.BitsPerElement() == 0 || graph.StaticDims(output) is not { } dims)
                return false;
            long budget = graph.MaxFoldedBytes, count = 1;
            foreach (long d in dims)
                count = d < 0 || (d > 0 && count > budget / d) ? budget + 1 : count * d;
            if (count > budget || type.ByteCount(count) > budget)
                return false;
        }
        return true;
    }

    /// <summary>The outputs of <paramref name="node"/> as initializers, or null when its kernel fails or yields other than tensors.</summary>
    private static Tensor[]? Evaluate(GraphView graph, Node node, List<Tensor> inputs)
    {
        OnnxValue?[] values;
        try
        {
            values = Planner.Evaluate(node, inputs, graph.OpsetsOf(node), graph.Type, graph.Options, graph.Kernels);
        }
        catch (OnyxException)
        {
            return null;
        }
        var outputs = new List<Tensor>(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            if (node.Outputs[i].Length == 0)
                continue;
            if (values[i] is not { Kind: OnnxValueKind.Tensor } value || value.Tensor.DataType == DataType.String)
                return null;
            Tensor t = value.Tensor;
            outputs.Add(new Tensor(t.DataType, [.. t.Dims], t.RawData, node.Outputs[i]));
        }
        return [.. outputs];
    }
}
