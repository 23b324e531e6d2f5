using Onyx.Runtime;

namespace Onyx.Tests.Runtime.OnyxKernels;

/// <summary>
/// Runs one ai.onyx node on given values (the model imports ai.onyx 1 and ai.onnx 17) with every pass off. The inputs are
/// declared with symbolic dims, so the kernel, not shape inference, sees sizes that do not fit; what inference
/// rejects (ranks, attributes) fails with inference's message.
/// </summary>
internal static class OnyxNodeModel
{
    public static float[] Run(string opType, OnnxValue?[] inputs, params Attribute[] attributes) => RunValue(opType, inputs, attributes).ToArray<float>();

    public static OnnxValue RunValue(string opType, OnnxValue?[] inputs, params Attribute[] attributes) =>
        RunValue(OperatorDomains.Onyx, opType, 0, inputs, [], attributes);

    /// <summary>Runs one node of <paramref name="domain"/> with <paramref name="threads"/> intra-op threads (0: one per processor).</summary>
    public static OnnxValue RunOnThreads(string domain, string opType, int threads, OnnxValue?[] inputs, params Attribute[] attributes) =>
        RunValue(domain, opType, threads, inputs, [], attributes);

    /// <summary>Runs the node with the inputs at <paramref name="constants"/> as initializers (kernels may prepare from them once), twice, returning the second run's output.</summary>
    public static float[] RunWithConstants(string opType, OnnxValue?[] inputs, int[] constants, params Attribute[] attributes) =>
        RunValue(OperatorDomains.Onyx, opType, 0, inputs, constants, attributes).ToArray<float>();

    private static OnnxValue RunValue(string domain, string opType, int threads, OnnxValue?[] inputs, int[] constants, Attribute[] attributes)
    {
        var g = new GraphBuilder("g");
        var feeds = new Dictionary<string, OnnxValue>();
        var names = new List<string>();
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is not { } value)
            {
                names.Add("");
                continue;
            }
            if (constants.Contains(i))
            {
                names.Add(g.AddInitializer($"in{i}", value.Tensor));
                continue;
            }
            string name = g.AddInput($"in{i}", value.ElementType, [.. value.Dims.Select((_, axis) => (Dim)$"in{i}_{axis}")]);
            feeds[name] = value;
            names.Add(name);
        }
        var node = new Node(opType, names, ["out"], name: "n", domain: domain);
        node.Attributes.AddRange(attributes);
        g.AddNode(node);
        g.AddOutput(new ValueInfo("out", null));
        Model model = new ModelBuilder(g.Build()).UseOpset("", 17).UseOpset(OperatorDomains.Onyx, 1).Build();
        ShapeInference.InferShapes(model);
        if (model.Graph.Outputs[0].Type is null)
            ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true });
        var session = new InferenceSession(model, new SessionOptions { OptimizationLevel = GraphOptimizationLevel.DisableAll, IntraOpThreads = threads });
        if (constants.Length > 0)
            session.Run(feeds);
        return session.Run(feeds)["out"];
    }

    public static float[] Values(int seed, int count)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
            values[i] = (float)(random.NextDouble() * 4 - 2);
        return values;
    }

    public static void AssertClose(double[] expected, float[] actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(System.Math.Abs(expected[i] - actual[i]) <= tolerance * System.Math.Max(1, System.Math.Abs(expected[i])), $"[{i}]: expected {expected[i]}, found {actual[i]}");
    }

    public static void AssertFails(Action run, params string[] parts)
    {
        OnyxException error = Assert.ThrowsAny<OnyxException>(run);
        foreach (string part in parts)
            Assert.Contains(part, error.Message);
    }
}
