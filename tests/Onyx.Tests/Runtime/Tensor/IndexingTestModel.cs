using Onyx.Runtime;

namespace Onyx.Tests.Runtime.TensorKernels;

/// <summary>Runs one node on given values: the cast, gather, scatter and selection kernel tests build their models here.</summary>
internal static class IndexingTestModel
{
    /// <summary>
    /// Runs <paramref name="opType"/> at <paramref name="opset"/> with graph inputs x0, x1, … holding
    /// <paramref name="inputs"/> (null: the node's input is left empty) and returns its outputs y0, y1, ….
    /// </summary>
    public static OnnxValue[] Run(string opType, long opset, OnnxValue?[] inputs, int outputCount, params Attribute[] attributes) =>
        Run(opType, opset, inputs, outputCount, false, attributes);

    /// <summary>Runs a node with one output.</summary>
    public static OnnxValue Run(string opType, long opset, OnnxValue?[] inputs, params Attribute[] attributes) =>
        Run(opType, opset, inputs, 1, false, attributes)[0];

    /// <summary>Runs a node with one output whose inputs have symbolic dims, so that shape checks are left to the kernel.</summary>
    public static OnnxValue RunDynamic(string opType, long opset, OnnxValue?[] inputs, params Attribute[] attributes) =>
        Run(opType, opset, inputs, 1, true, attributes)[0];

    private static OnnxValue[] Run(string opType, long opset, OnnxValue?[] inputs, int outputCount, bool symbolic, Attribute[] attributes)
    {
        var g = new GraphBuilder("g");
        var names = new string[inputs.Length];
        var feeds = new Dictionary<string, OnnxValue>();
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is not { } value)
            {
                names[i] = "";
                continue;
            }
            names[i] = g.AddInput($"x{i}", value.ElementType, [.. value.Dims.Select((n, d) => symbolic ? (Dim)$"x{i}_{d}" : n)]);
            feeds[names[i]] = value;
        }
        string[] outputs = [.. Enumerable.Range(0, outputCount).Select(j => $"y{j}")];
        g.AddNode(new Node(opType, names, outputs) { Name = "node" });
        foreach (Attribute attribute in attributes)
            g.Graph.Nodes[0].Attributes.Add(attribute);
        foreach (string output in outputs)
            g.AddOutput(new ValueInfo(output));
        // Inference gives the outputs their types, as the checker requires of a main graph.
        Model model = g.ToModel(opset);
        ShapeInference.InferShapes(model);
        IReadOnlyDictionary<string, OnnxValue> results = new InferenceSession(model).Run(feeds);
        return [.. outputs.Select(o => results[o])];
    }

    public static Attribute Int(string name, long value) => Attribute.Create(name, value);

    public static Attribute Ints(string name, params long[] values) => Attribute.Create(name, values);

    public static Attribute String(string name, string value) => Attribute.Create(name, value);
}
