using Onyx.Runtime;

namespace Onyx.Tests.Runtime.MlKernels;

/// <summary>Runs one ai.onnx.ml node on given values: the model's inputs take the values' types.</summary>
internal static class MlNodeModel
{
    /// <summary>
    /// Runs <paramref name="opType"/> of the ai.onnx.ml domain, importing that domain at <paramref name="version"/>,
    /// on <paramref name="inputs"/> with <paramref name="attributes"/>, and returns its one output.
    /// </summary>
    public static OnnxValue Run(string opType, int version, OnnxValue[] inputs, params Attribute[] attributes) =>
        RunDeclared(opType, version, inputs, null, attributes);

    /// <summary>
    /// <see cref="Run(string, int, OnnxValue[], Attribute[])"/> with the output declared as <paramref name="output"/>, for
    /// outputs whose shape inference leaves open (the checker wants graph outputs shaped) or cannot find.
    /// </summary>
    public static OnnxValue RunDeclared(string opType, int version, OnnxValue[] inputs, TypeInfo? output, params Attribute[] attributes)
    {
        var g = new GraphBuilder("g");
        var feeds = new Dictionary<string, OnnxValue>();
        var names = new List<string>();
        for (int i = 0; i < inputs.Length; i++)
        {
            string name = $"in{i}";
            g.AddInput(new ValueInfo(name, inputs[i].Type));
            feeds[name] = inputs[i];
            names.Add(name);
        }
        var node = new Node(opType, names, ["out"], name: "n", domain: OperatorDomains.Ml);
        node.Attributes.AddRange(attributes);
        g.AddNode(node);
        g.AddOutput(new ValueInfo("out", output));
        Model model = new ModelBuilder(g.Build()).UseOpset("", 21).UseOpset(OperatorDomains.Ml, version).Build();
        ShapeInference.InferShapes(model);
        return new InferenceSession(model).Run(feeds)["out"];
    }

    public static OnnxValue Run(string opType, OnnxValue input, params Attribute[] attributes) => Run(opType, 1, [input], attributes);

    public static OnnxValue Values<T>(T[] values, params long[] dims) where T : unmanaged =>
        OnnxValue.FromArray(values, dims.Length == 0 ? [values.Length] : dims);

    public static OnnxValue Strings(string[] values, params long[] dims) =>
        OnnxValue.FromStrings(values, dims.Length == 0 ? [values.Length] : dims);

    /// <summary>Asserts that preparing or running fails with an Onyx exception whose message contains each of <paramref name="parts"/>.</summary>
    public static void AssertFails(Action run, params string[] parts)
    {
        OnyxException error = Assert.ThrowsAny<OnyxException>(run);
        foreach (string part in parts)
            Assert.Contains(part, error.Message);
    }
}
