namespace Onyx.Tests.Operators;

/// <summary>Runs strict inference on a graph built by a test and describes the inferred outputs, e.g. <c>tensor(float)[N,8,4,4]</c>.</summary>
internal static class OneNodeInference
{
    /// <summary>Infers the graph with <paramref name="outputs"/> as its (untyped) outputs; returns each one's type as text.</summary>
    public static string[] Infer(GraphBuilder g, long opset, params string[] outputs)
    {
        foreach (string output in outputs)
            g.AddOutput(new ValueInfo(output));
        return Infer(g.ToModel(opset));
    }

    /// <summary>Infers <paramref name="model"/> strictly; returns each graph output's type as text.</summary>
    public static string[] Infer(Model model)
    {
        ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true });
        return [.. model.Graph.Outputs.Select(o => Describe(o.Type))];
    }

    /// <summary>The outputs of one node of <paramref name="opType"/> with <paramref name="outputCount"/> outputs over the given inputs.</summary>
    public static string[] Outputs(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset, int outputCount, params Attribute[] attributes)
    {
        var g = new GraphBuilder();
        Node node = g.AddNode(opType, inputs(g), outputCount, "", attributes);
        return Infer(g, opset, [.. node.Outputs]);
    }

    /// <summary>A tensor type with its shape (<c>[unknown rank]</c> when it has none); other types as they print.</summary>
    public static string Describe(TypeInfo? type) =>
        type is TensorTypeInfo t ? $"{t}{t.Shape?.ToString() ?? "[unknown rank]"}" : type?.ToString() ?? "nothing";
}
