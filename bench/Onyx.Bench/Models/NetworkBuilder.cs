namespace Onyx.Bench.Models;

/// <summary>
/// A <see cref="GraphBuilder"/> with deterministic random weights and the layers the benchmark models are made of,
/// each written as the node sequence torch.onnx.export emits for it at opset 17 (eval mode, no constant folding).
/// </summary>
internal sealed class NetworkBuilder(string graphName, ulong seed)
{
    /// <summary>The opset the benchmark models import.</summary>
    public const long Opset = 17;

    private readonly Dictionary<string, string> _constants = new(StringComparer.Ordinal);

    public GraphBuilder Graph { get; } = new(graphName);

    public NormalSource Random { get; } = new(seed);

    /// <summary>An initializer of normal weights with the given standard deviation and mean.</summary>
    public string Weight(string name, float std, long[] dims, float mean = 0f) => Graph.AddInitializer(name, Random.Normal(std, dims, mean));

    /// <summary>A FLOAT scalar initializer, shared by every use of the same value.</summary>
    public string Scalar(float value) => Shared($"const_f{BitConverter.SingleToInt32Bits(value):x8}", () => Tensor.Scalar(value));

    /// <summary>An INT64 vector initializer (a shape, axes or split sizes), shared by every use of the same values.</summary>
    public string Int64s(params long[] values) => Shared("const_i64_" + string.Join('_', values).Replace('-', 'm'), () => Tensor.FromArray(values, values.Length));

    public string Node(string opType, string[] inputs, params Attribute[] attributes) => Graph.AddNode(opType, inputs, attributes);

    /// <summary>A node whose single output is the graph output <paramref name="output"/> with the given type.</summary>
    public string OutputNode(string output, long[] dims, string opType, string[] inputs, params Attribute[] attributes)
    {
        var node = new Node(opType, inputs, [output]);
        node.Attributes.AddRange(attributes);
        Graph.AddNode(node);
        Graph.AddOutput(output, DataType.Float, [.. dims.Select(d => (Dim)d)]);
        return output;
    }

    /// <summary>Conv without bias followed by BatchNormalization (running statistics near 0 and 1), as an eval-mode export emits Conv2d + BatchNorm2d.</summary>
    public string ConvBatchNorm(string prefix, string x, long inChannels, long outChannels, long kernel, long stride, long group = 1, float gamma = 1f)
    {
        long fanIn = inChannels / group * kernel * kernel;
        string w = Weight(prefix + ".conv.weight", MathF.Sqrt(2f / fanIn), [outChannels, inChannels / group, kernel, kernel]);
        long pad = kernel / 2;
        string conv = Node("Conv", [x, w],
            Attribute.Create("dilations", [1L, 1L]),
            Attribute.Create("group", group),
            Attribute.Create("kernel_shape", [kernel, kernel]),
            Attribute.Create("pads", [pad, pad, pad, pad]),
            Attribute.Create("strides", [stride, stride]));
        string scale = Weight(prefix + ".bn.weight", 0.05f * gamma, [outChannels], gamma);
        string bias = Weight(prefix + ".bn.bias", 0.05f, [outChannels]);
        string mean = Weight(prefix + ".bn.running_mean", 0.05f, [outChannels]);
        string variance = Graph.AddInitializer(prefix + ".bn.running_var", Random.Uniform(0.5f, 1.5f, [outChannels]));
        return Node("BatchNormalization", [conv, scale, bias, mean, variance],
            Attribute.Create("epsilon", 1e-5f), Attribute.Create("momentum", 0.9f));
    }

    /// <summary>A Linear layer as MatMul by the transposed weight [in, out] and Add of the bias.</summary>
    public string Linear(string prefix, string x, long inFeatures, long outFeatures, float std)
    {
        string w = Weight(prefix + ".weight", std, [inFeatures, outFeatures]);
        string b = Weight(prefix + ".bias", 0.02f, [outFeatures]);
        return Node("Add", [Node("MatMul", [x, w]), b]);
    }

    /// <summary>
    /// LayerNormalization over the last axis (opset 17), scale near 1 and bias near 0; with <paramref name="output"/>
    /// its result is that graph output.
    /// </summary>
    public string LayerNorm(string prefix, string x, long width, float epsilon, (string Name, long[] Dims)? output = null)
    {
        string[] inputs = [x, Weight(prefix + ".weight", 0.05f, [width], 1f), Weight(prefix + ".bias", 0.02f, [width])];
        Attribute[] attributes = [Attribute.Create("axis", -1L), Attribute.Create("epsilon", epsilon)];
        return output is var (name, dims)
            ? OutputNode(name, dims, "LayerNormalization", inputs, attributes)
            : Node("LayerNormalization", inputs, attributes);
    }

    /// <summary>
    /// The additive attention mask [batch, 1, 1, length] of an INT64 mask [batch, length] of ones and zeros:
    /// (1 − float(mask)) · float.MinValue, as Hugging Face's get_extended_attention_mask exports.
    /// </summary>
    public string ExtendedAttentionMask(string mask)
    {
        string unsqueezed = Node("Unsqueeze", [Node("Unsqueeze", [mask, Int64s(1)]), Int64s(2)]);
        string cast = Node("Cast", [unsqueezed], Attribute.Create("to", (long)DataType.Float));
        return Node("Mul", [Node("Sub", [Scalar(1f), cast]), Scalar(float.MinValue)]);
    }

    /// <summary>The model: opset 17, IR version as ModelBuilder derives it.</summary>
    public Model ToModel(string docString) =>
        new ModelBuilder(Graph.Graph).UseOpset("", Opset).WithProducer("onyx-bench", "1").WithDocString(docString).Build();

    private string Shared(string name, Func<Tensor> create)
    {
        if (!_constants.TryGetValue(name, out string? existing))
            _constants[name] = existing = Graph.AddInitializer(name, create());
        return existing;
    }
}
