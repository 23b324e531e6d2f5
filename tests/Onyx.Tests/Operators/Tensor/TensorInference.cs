namespace Onyx.Tests.Operators.TensorOperators;

/// <summary>Runs strict inference on a graph built by a test and reads back the inferred output types.</summary>
internal static class TensorInference
{
    /// <summary>Infers the graph with <paramref name="outputs"/> as its (untyped) outputs; returns each one's type as text, e.g. <c>tensor(float)[batch,12]</c>.</summary>
    public static string[] Infer(GraphBuilder g, long opset, params string[] outputs) => OneNodeInference.Infer(g, opset, outputs);

    /// <summary>The single output of one node of <paramref name="opType"/> over the given inputs.</summary>
    public static string InferNode(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset, params Attribute[] attributes)
    {
        var g = new GraphBuilder();
        string y = g.AddNode(opType, inputs(g), attributes);
        return Infer(g, opset, y)[0];
    }

    /// <summary>The message of the inference failure of one node of <paramref name="opType"/>.</summary>
    public static string Failure(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset, params Attribute[] attributes) =>
        Assert.Throws<ShapeInferenceException>(() => InferNode(opType, inputs, opset, attributes)).Message;

    public static string Ints(GraphBuilder g, string name, params long[] values) => g.AddInitializer(name, Tensor.FromArray(values, values.Length));

    public static string Scalar(GraphBuilder g, string name, long value) => g.AddInitializer(name, Tensor.Scalar(value));
}
