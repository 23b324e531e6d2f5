namespace Onyx;

/// <summary>The shape of a tensor type: an ordered list of dimensions (rank 0 is a scalar). Mirrors <c>TensorShapeProto</c>.</summary>
public sealed class Shape
{
    /// <summary>A shape with the given dimensions.</summary>
    public Shape(IEnumerable<Dim> dims) => Dims = [.. dims];

    /// <summary>A scalar shape (no dimensions).</summary>
    public Shape() => Dims = [];

    /// <summary>The dimensions, outermost first.</summary>
    public List<Dim> Dims { get; }

    /// <summary>The number of dimensions.</summary>
    public int Rank => Dims.Count;

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    /// <summary>Dimensions in brackets, e.g. <c>[batch,3,224,224]</c>.</summary>
    public override string ToString() => "[" + string.Join(",", Dims) + "]";
}
