namespace Onyx.Tests.Operators.Nn;

/// <summary>Runs strict inference on one node and describes its outputs, e.g. <c>tensor(float)[N,8,4,4]</c>.</summary>
internal static class NnInference
{
    public static string[] Outputs(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset, int outputCount, params Attribute[] attributes) =>
        OneNodeInference.Outputs(opType, inputs, opset, outputCount, attributes);

    public static string Output(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset, params Attribute[] attributes) =>
        Outputs(opType, inputs, opset, 1, attributes)[0];

    public static string Problem(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset, int outputCount, params Attribute[] attributes) =>
        Assert.Throws<ShapeInferenceException>(() => Outputs(opType, inputs, opset, outputCount, attributes)).Problem;

    public static Attribute Ints(string name, params long[] values) => Attribute.Create(name, values);
}
