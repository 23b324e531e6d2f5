using Onyx.Runtime;

namespace Onyx.Tests.Runtime.ReduceKernels;

/// <summary>
/// Runs a model of one node named "node_under_test". Input 0 is fed at run time; the others are initializers (so
/// inference knows axes and counts) unless <c>fedInputs</c> asks for all to be fed, as tests of bad values need.
/// </summary>
internal static class OneNodeRuns
{
    /// <summary>Runs the node; output j has element type <paramref name="outputTypes"/>[j] and the shape inference gives it.</summary>
    public static OnnxValue[] Run(string opType, long opset, Tensor?[] inputs, DataType[] outputTypes, params Attribute[] attributes) =>
        Run(opType, opset, inputs, outputTypes, fedInputs: false, attributes);

    /// <summary>Runs the node for its one output, of the first input's element type.</summary>
    public static OnnxValue RunOne(string opType, long opset, Tensor?[] inputs, params Attribute[] attributes) =>
        Run(opType, opset, inputs, [inputs[0]!.DataType], fedInputs: false, attributes)[0];

    /// <summary>Runs the node for its one int64 output (an index).</summary>
    public static OnnxValue RunIndex(string opType, long opset, Tensor?[] inputs, params Attribute[] attributes) =>
        Run(opType, opset, inputs, [DataType.Int64], fedInputs: false, attributes)[0];

    /// <summary>Runs the node with every input fed at run time, for its one output of the first input's type.</summary>
    public static OnnxValue RunFed(string opType, long opset, Tensor?[] inputs, params Attribute[] attributes) =>
        Run(opType, opset, inputs, [inputs[0]!.DataType], fedInputs: true, attributes)[0];

    /// <summary>Runs the node with every input fed at run time; output j has element type <paramref name="outputTypes"/>[j].</summary>
    public static OnnxValue[] RunFed(string opType, long opset, Tensor?[] inputs, DataType[] outputTypes, params Attribute[] attributes) =>
        Run(opType, opset, inputs, outputTypes, fedInputs: true, attributes);

    private static OnnxValue[] Run(string opType, long opset, Tensor?[] inputs, DataType[] outputTypes, bool fedInputs, Attribute[] attributes)
    {
        var g = new GraphBuilder("g");
        var feeds = new Dictionary<string, OnnxValue>();
        var names = new List<string>();
        int count = inputs.Length;
        while (count > 0 && inputs[count - 1] is null)
            count--;
        for (int i = 0; i < count; i++)
        {
            if (inputs[i] is not { } tensor)
                names.Add("");
            else if (i == 0 || fedInputs)
            {
                string name = g.AddInput($"in{i}", tensor.DataType, [.. tensor.Dims.Select(d => (Dim)d)]);
                names.Add(name);
                feeds[name] = OnnxValue.FromTensor(tensor);
            }
            else
                names.Add(g.AddInitializer($"in{i}", tensor));
        }
        Node node = g.AddNode(new Node(opType, names, [.. outputTypes.Select((_, j) => $"out{j}")]) { Name = "node_under_test" });
        node.Attributes.AddRange(attributes);
        for (int j = 0; j < outputTypes.Length; j++)
            g.AddOutput(new ValueInfo($"out{j}", TypeInfo.Tensor(outputTypes[j])));
        Model model = g.ToModel(opset);
        ShapeInference.InferShapes(model);
        foreach (ValueInfo output in model.Graph.Outputs)
        {
            // Inference cannot type the output of a node fed bad values; the kernel is what must reject them.
            if (output.Type is TensorTypeInfo { Shape: null } t)
                output.Type = TypeInfo.Tensor(t.ElementType, [.. inputs[0]!.Dims.Select((_, d) => (Dim)$"d{d}")]);
        }
        IReadOnlyDictionary<string, OnnxValue> outputs = new InferenceSession(model).Run(feeds);
        return [.. outputTypes.Select((_, j) => outputs[$"out{j}"])];
    }
}
