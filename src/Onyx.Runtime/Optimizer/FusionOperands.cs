namespace Onyx.Runtime.Optimizer;

/// <summary>
/// What the fusion passes read of the nodes they match: constant operands (initializers or Constant nodes), scalar
/// values, the node that alone reads a value, the activation a node applies, and shape facts that decide whether a
/// fusion is safe.
/// </summary>
internal static class FusionOperands
{
    /// <summary>The constant value of <paramref name="value"/>: an initializer, or the output of a Constant node with a tensor or a float.</summary>
    public static Tensor? Constant(GraphView graph, string value)
    {
        if (graph.Constant(value) is { } constant)
            return constant;
        if (graph.Producer(value) is not { OpType: "Constant", Domain: "" } node)
            return null;
        if (node.FindAttribute("value") is { Tensor: { } tensor })
            return tensor;
        return node.FindAttribute("value_float") is { Type: AttributeType.Float } f ? Tensor.FromArray([f.Float]) : null;
    }

    /// <summary>The float values of a constant float <paramref name="value"/>, or null.</summary>
    public static float[]? Floats(GraphView graph, string value) =>
        Constant(graph, value) is { DataType: DataType.Float, HasData: true } t ? t.ToArray<float>() : null;

    /// <summary>The one value of a constant float <paramref name="value"/> holding one element, or null.</summary>
    public static float? Scalar(GraphView graph, string value) => Floats(graph, value) is [float x] ? x : null;

    /// <summary>True when <paramref name="value"/> is a constant float scalar within a relative 1e-4 of <paramref name="expected"/>.</summary>
    public static bool IsScalar(GraphView graph, string value, double expected) =>
        Scalar(graph, value) is float x && System.Math.Abs(x - expected) <= 1e-4 * System.Math.Abs(expected);

    /// <summary>The node that alone reads <paramref name="value"/> (see <see cref="GraphView.HasSingleReader"/>), or null.</summary>
    public static Node? SoleReader(GraphView graph, string value) => graph.HasSingleReader(value) ? graph.ReadersOf(value)[0] : null;

    /// <summary>The node that alone reads <paramref name="value"/> when it is a default-domain <paramref name="opType"/> with one output.</summary>
    public static Node? SoleReader(GraphView graph, string value, string opType) =>
        SoleReader(graph, value) is { Domain: "" } node && node.OpType == opType && node.Outputs.Count == 1 ? node : null;

    /// <summary>The producer of <paramref name="value"/> when only one node reads it and it is a default-domain <paramref name="opType"/>.</summary>
    public static Node? SoleProducer(GraphView graph, string value, string opType) =>
        graph.HasSingleReader(value) && graph.Producer(value) is { Domain: "" } node && node.OpType == opType && node.Outputs.Count == 1 ? node : null;

    /// <summary>For a binary node reading <paramref name="value"/>, its other input (the second when both are it).</summary>
    public static string Other(Node binary, string value) => binary.Inputs.Count != 2 ? "" : binary.Inputs[0] == value ? binary.Inputs[1] : binary.Inputs[0];

    /// <summary>True when <paramref name="value"/> is a float tensor of known rank.</summary>
    public static bool IsFloatTensor(GraphView graph, string value) =>
        graph.Type(value) is TensorTypeInfo { ElementType: DataType.Float, Shape: not null };

    public static int? Rank(GraphView graph, string value) => graph.Type(value) is TensorTypeInfo { Shape: { } shape } ? shape.Rank : null;

    /// <summary>The inferred dims of <paramref name="value"/>, or null when its rank is unknown.</summary>
    public static IReadOnlyList<Dim>? Dims(GraphView graph, string value) => graph.Type(value) is TensorTypeInfo { Shape: { } shape } ? shape.Dims : null;

    /// <summary>True when the two dims are known to be equal: the same number, or the same symbolic name.</summary>
    public static bool SameDim(Dim a, Dim b) =>
        (a.Value is long x && b.Value is long y && x == y) || (a.Param is { Length: > 0 } p && p == b.Param);

    /// <summary>True when both values have known shapes of one rank whose dims are known to be equal.</summary>
    public static bool SameShape(GraphView graph, string a, string b) =>
        Dims(graph, a) is { } x && Dims(graph, b) is { } y && x.Count == y.Count && x.Zip(y).All(p => SameDim(p.First, p.Second));

    /// <summary>
    /// The activation <paramref name="node"/> applies to its first input as a fused 'activation' and its parameters:
    /// Relu, LeakyRelu, Clip with constant bounds, Sigmoid, Tanh, HardSigmoid and Gelu. Null for any other node.
    /// </summary>
    public static (string Name, float[] Parameters)? Activation(GraphView graph, Node node)
    {
        if (node.Outputs.Count != 1 || node.Inputs.Count == 0)
            return null;
        if (node.Domain == OperatorDomains.Onyx && node.OpType == "Gelu")
            return Gelu(node);
        if (node.Domain.Length > 0)
            return null;
        return node.OpType switch
        {
            "Relu" => ("Relu", []),
            "Sigmoid" => ("Sigmoid", []),
            "Tanh" => ("Tanh", []),
            "LeakyRelu" => ("LeakyRelu", [node.FindAttribute("alpha")?.Float ?? 0.01f]),
            "HardSigmoid" => ("HardSigmoid", [node.FindAttribute("alpha")?.Float ?? 0.2f, node.FindAttribute("beta")?.Float ?? 0.5f]),
            "Clip" => ClipBounds(graph, node) is (float min, float max) ? ("Clip", [min, max]) : null,
            "Gelu" => Gelu(node),
            _ => null,
        };
    }

    private static (string, float[])? Gelu(Node node) => (node.FindAttribute("approximate")?.StringValue ?? "none") switch
    {
        "none" => ("Gelu", []),
        "tanh" => ("GeluTanh", []),
        _ => null,
    };

    /// <summary>Clip's bounds: attributes before version 11, constant scalar inputs from 11 (an absent one is unbounded).</summary>
    private static (float, float)? ClipBounds(GraphView graph, Node node)
    {
        if (graph.OpsetOf(node) < 11)
            return (node.FindAttribute("min")?.Float ?? float.MinValue, node.FindAttribute("max")?.Float ?? float.MaxValue);
        float? min = node.Inputs.Count > 1 && node.Inputs[1].Length > 0 ? Scalar(graph, node.Inputs[1]) : float.NegativeInfinity;
        float? max = node.Inputs.Count > 2 && node.Inputs[2].Length > 0 ? Scalar(graph, node.Inputs[2]) : float.PositiveInfinity;
        return min is float lo && max is float hi ? (lo, hi) : null;
    }

    /// <summary>The activation node that alone reads <paramref name="value"/> (as its first input), or none.</summary>
    public static (Node?, string, float[]) FollowingActivation(GraphView graph, string value) =>
        SoleReader(graph, value) is { } reader && reader.Inputs[0] == value && Activation(graph, reader) is var (name, parameters) ? (reader, name, parameters) : (null, "none", []);

    /// <summary>The activation attributes of a fused node.</summary>
    public static IEnumerable<Attribute> ActivationAttributes(string name, float[] parameters) =>
        parameters.Length == 0 ? [Attribute.Create("activation", name)] : [Attribute.Create("activation", name), Attribute.Create("activation_params", parameters)];

    /// <summary>
    /// A float constant that adds one value per last-axis element to a tensor of rank <paramref name="rank"/> whose last dim
    /// is <paramref name="width"/> without changing its shape (dims before the last all 1, the last 1 or the width), as
    /// <paramref name="width"/> values; or null.
    /// </summary>
    public static float[]? RowVector(GraphView graph, string value, int rank, long width)
    {
        if (Constant(graph, value) is not { DataType: DataType.Float, HasData: true } t || t.Dims.Length > rank || width <= 0 || width > int.MaxValue)
            return null;
        if (t.Dims.Length > 0 && (t.Dims[..^1].Any(d => d != 1) || (t.Dims[^1] != 1 && t.Dims[^1] != width)))
            return null;
        float[] values = t.ToArray<float>();
        return values.Length == width ? values : [.. Enumerable.Repeat(values[0], (int)width)];
    }

    /// <summary>A new float initializer named from <paramref name="hint"/>.</summary>
    public static Tensor Initializer(GraphView graph, string hint, float[] values, params long[] dims)
    {
        Tensor t = Tensor.FromArray(values, dims);
        t.Name = graph.FreshName(hint);
        return t;
    }
}
