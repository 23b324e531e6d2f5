namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Writes the nodes of one expanded Gradient: names unique to it, ONNX nodes valid at the model's opset, and the
/// shape-dependent helpers (ones, zeros, sums over broadcast axes) the derivative rules need.
/// </summary>
internal sealed class GradientEmitter(string prefix, long opset, Func<string, TypeInfo?> types)
{
    private int _count;

    public List<Node> Nodes { get; } = [];

    /// <summary>The original name of a value the expansion copied, for looking up its inferred type.</summary>
    public Dictionary<string, string> Originals { get; } = new(StringComparer.Ordinal);

    public string Name(string hint) => $"{prefix}{hint}_{_count++}";

    /// <summary>Adds a one-output node and returns its output's name.</summary>
    public string Node(string opType, params string[] inputs) => Node(opType, inputs, []);

    public string Node(string opType, string[] inputs, Attribute[] attributes)
    {
        string output = Name(opType);
        var node = new Node(opType, inputs, [output], output);
        node.Attributes.AddRange(attributes);
        Nodes.Add(node);
        return output;
    }

    public string OnesLike(string value, string original) => Filled(value, original, 1);

    public string ZerosLike(string value, string original) => Filled(value, original, 0);

    /// <summary>
    /// Sums <paramref name="grad"/> (shaped like a broadcast result) down to the shape of <paramref name="input"/>:
    /// over the leading axes the input lacks and the axes where it has size 1.
    /// </summary>
    public string Unbroadcast(string grad, string input, string output)
    {
        Shape? inputShape = TensorType(input)?.Shape;
        Shape? outputShape = TensorType(output)?.Shape;
        if (inputShape is null || outputShape is null)
            throw new OnnxRuntimeException($"Gradient: the shapes of '{input}' and '{output}' must be known to sum a broadcast gradient");
        if (SameDims(inputShape, outputShape))
            return grad;
        if (inputShape.Dims.Any(d => !d.IsKnown))
            throw new OnnxRuntimeException($"Gradient: '{input}' with shape {inputShape} is broadcast to {outputShape}; its dims must be known");
        int extra = outputShape.Rank - inputShape.Rank;
        long[] axes = [.. Enumerable.Range(0, extra).Select(i => (long)i),
            .. inputShape.Dims.Select((d, i) => (d, i)).Where(p => p.d.Value == 1).Select(p => (long)(p.i + extra))];
        string summed = opset >= 13
            ? Node("ReduceSum", [grad, Constant(axes)], [Attribute.Create("keepdims", 1L)])
            : Node("ReduceSum", [grad], [Attribute.Create("axes", axes), Attribute.Create("keepdims", 1L)]);
        return Node("Reshape", summed, Constant([.. inputShape.Dims.Select(d => d.Value!.Value)]));
    }

    public OnnxRuntimeException Fail(Node gradient, string problem) =>
        new($"Gradient node '{gradient.Name}': {problem}");

    private string Filled(string value, string original, float fill)
    {
        DataType type = TensorType(original)?.ElementType ?? DataType.Undefined;
        if (type is not (DataType.Float or DataType.Double or DataType.Float16))
            throw new OnnxRuntimeException($"Gradient: '{original}' must be a float16, float or double tensor, found {(type == DataType.Undefined ? "an unknown type" : type.TypeName())}");
        string filled = Node("ConstantOfShape", [Node("Shape", value)], [Attribute.Create("value", Tensor.FromArray([fill], 1))]);
        return Node("Cast", [filled], [Attribute.Create("to", (long)type)]);
    }

    private string Constant(long[] values) => Node("Constant", [], [Attribute.Create("value", Tensor.FromArray(values, values.Length))]);

    private TensorTypeInfo? TensorType(string name) => types(Originals.GetValueOrDefault(name, name)) as TensorTypeInfo;

    private static bool SameDims(Shape a, Shape b) =>
        a.Rank == b.Rank && a.Dims.Zip(b.Dims).All(p => p.First.IsKnown ? p.First.Value == p.Second.Value : p.First.Param is { } s && s == p.Second.Param);
}
