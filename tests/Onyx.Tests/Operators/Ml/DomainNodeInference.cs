namespace Onyx.Tests.Operators.MlOperators;

/// <summary>Strict inference of one node of another domain (ai.onnx.ml, ai.onnx.preview.training) beside ai.onnx opset 17.</summary>
internal static class DomainNodeInference
{
    /// <summary>Each output of the node, described as <see cref="OneNodeInference.Describe"/> does.</summary>
    public static string[] Outputs(string domain, long version, string opType, Func<GraphBuilder, IEnumerable<string>> inputs, int outputCount, params Attribute[] attributes)
    {
        var g = new GraphBuilder();
        Node node = g.AddNode(opType, inputs(g), outputCount, domain, attributes);
        foreach (string output in node.Outputs)
            g.AddOutput(new ValueInfo(output));
        return OneNodeInference.Infer(new ModelBuilder(g.Graph).UseOpset("", 17).UseOpset(domain, version).Build());
    }

    /// <summary>The problem strict inference reports for the node.</summary>
    public static string Problem(string domain, long version, string opType, Func<GraphBuilder, IEnumerable<string>> inputs, int outputCount, params Attribute[] attributes) =>
        Assert.Throws<ShapeInferenceException>(() => Outputs(domain, version, opType, inputs, outputCount, attributes)).Problem;
}
