using Onyx.Runtime;

namespace Onyx.Tests.Runtime.SequenceKernels;

/// <summary>Runs one node of the default domain on given values: the model's inputs take the values' types.</summary>
internal static class OneNodeModel
{
    /// <summary>
    /// Runs <paramref name="opType"/> at <paramref name="opset"/> on <paramref name="inputs"/> (a null value is an
    /// absent input, given as the empty name) and returns its outputs in order. <paramref name="inputTypes"/>
    /// overrides the declared type of an input where its value cannot say it (an empty sequence), and
    /// <paramref name="outputTypes"/> declares outputs whose shape inference cannot find (the checker wants one).
    /// </summary>
    public static OnnxValue[] Run(string opType, int opset, OnnxValue?[] inputs, int outputCount = 1, Attribute[]? attributes = null,
        TypeInfo?[]? inputTypes = null, TypeInfo?[]? outputTypes = null)
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
            string name = $"in{i}";
            g.AddInput(new ValueInfo(name, inputTypes?.ElementAtOrDefault(i) ?? value.Type));
            feeds[name] = value;
            names.Add(name);
        }
        string[] outputs = [.. Enumerable.Range(0, outputCount).Select(j => $"out{j}")];
        var node = new Node(opType, names, outputs, name: "n");
        node.Attributes.AddRange(attributes ?? []);
        g.AddNode(node);
        for (int j = 0; j < outputs.Length; j++)
            g.AddOutput(new ValueInfo(outputs[j], outputTypes?.ElementAtOrDefault(j)));
        // Undeclared outputs take the types inference finds, as the checker wants every graph output typed.
        Model model = g.ToModel(opset);
        ShapeInference.InferShapes(model);
        IReadOnlyDictionary<string, OnnxValue> results = new InferenceSession(model).Run(feeds);
        return [.. outputs.Select(o => results[o])];
    }

    public static OnnxValue Run1(string opType, int opset, params OnnxValue?[] inputs) => Run(opType, opset, inputs)[0];

    public static OnnxValue Seq(params OnnxValue[] elements) => OnnxValue.Sequence(elements);

    public static OnnxValue Floats(params float[] values) => OnnxValue.FromArray(values);

    public static OnnxValue Scalar<T>(T value) where T : unmanaged => OnnxValue.FromTensor(Tensor.Scalar(value));
}
