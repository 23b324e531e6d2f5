namespace Onyx;

/// <summary>
/// A computation graph: nodes in topological order, its inputs and outputs, initializers (constant
/// tensors) and optional type annotations of intermediate values. Mirrors <c>GraphProto</c>.
/// </summary>
public sealed class Graph(string name = "")
{
    /// <summary>The graph's name.</summary>
    public string Name { get; set; } = name;

    /// <summary>The nodes, in topological order.</summary>
    public List<Node> Nodes { get; } = [];

    /// <summary>Constant tensors, by name. A name may also appear in <see cref="Inputs"/>, giving the input a default.</summary>
    public List<Tensor> Initializers { get; } = [];

    /// <summary>Constant sparse tensors.</summary>
    public List<SparseTensor> SparseInitializers { get; } = [];

    /// <summary>Documentation; Markdown allowed.</summary>
    public string DocString { get; set; } = "";

    /// <summary>The graph inputs.</summary>
    public List<ValueInfo> Inputs { get; } = [];

    /// <summary>The graph outputs.</summary>
    public List<ValueInfo> Outputs { get; } = [];

    /// <summary>Types of intermediate values, e.g. from shape inference.</summary>
    public List<ValueInfo> ValueInfos { get; } = [];

    /// <summary>Quantization parameters of tensors.</summary>
    public List<TensorAnnotation> QuantizationAnnotations { get; } = [];

    /// <summary>Named metadata.</summary>
    public List<MetadataEntry> Metadata { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"graph {Name} ({Nodes.Count} nodes)";
}
