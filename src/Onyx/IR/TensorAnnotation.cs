namespace Onyx;

/// <summary>Quantization parameters of a tensor, by name. Mirrors <c>TensorAnnotation</c>.</summary>
public sealed class TensorAnnotation(string tensorName)
{
    /// <summary>The annotated tensor.</summary>
    public string TensorName { get; set; } = tensorName;

    /// <summary>Maps quantization parameter names (e.g. <c>SCALE_TENSOR</c>) to the tensors that hold them.</summary>
    public List<MetadataEntry> QuantParameterTensorNames { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }
}
