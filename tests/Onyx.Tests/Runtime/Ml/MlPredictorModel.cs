using Onyx.Runtime;

namespace Onyx.Tests.Runtime.MlKernels;

/// <summary>Runs one ai.onnx.ml predictor node and returns all its outputs (a classifier's labels and scores).</summary>
internal static class MlPredictorModel
{
    /// <summary>Runs <paramref name="opType"/> at <paramref name="version"/> on <paramref name="x"/>; the outputs are named y0, y1, ….</summary>
    public static OnnxValue[] Run(string opType, int version, int outputs, OnnxValue x, params Attribute[] attributes)
    {
        var g = new GraphBuilder("g");
        g.AddInput(new ValueInfo("x", x.Type));
        string[] names = [.. Enumerable.Range(0, outputs).Select(i => $"y{i}")];
        var node = new Node(opType, ["x"], names, name: "n", domain: OperatorDomains.Ml);
        node.Attributes.AddRange(attributes);
        g.AddNode(node);
        foreach (string name in names)
            g.AddOutput(new ValueInfo(name, null));
        Model model = new ModelBuilder(g.Build()).UseOpset("", 21).UseOpset(OperatorDomains.Ml, version).Build();
        ShapeInference.InferShapes(model);
        IReadOnlyDictionary<string, OnnxValue> results = new InferenceSession(model).Run(new Dictionary<string, OnnxValue> { ["x"] = x });
        return [.. names.Select(n => results[n])];
    }

    public static OnnxValue Rows<T>(T[] values, long rows) where T : unmanaged => OnnxValue.FromArray(values, [rows, values.Length / rows]);

    public static Attribute Ints(string name, params long[] values) => Attribute.Create(name, values);

    public static Attribute Floats(string name, params float[] values) => Attribute.Create(name, values);

    public static Attribute Strings(string name, params string[] values) => Attribute.Create(name, values);

    public static void AssertClose(double[] expected, float[] actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(System.Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]}, found {actual[i]}");
    }
}
