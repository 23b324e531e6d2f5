namespace Onyx;

/// <summary>
/// A sparse tensor in coordinate format: the non-zero <see cref="Values"/> (a 1-D tensor of NNZ elements),
/// their <see cref="Indices"/> (INT64, either [NNZ, rank] coordinates or [NNZ] linear indices) and the dense
/// <see cref="Dims"/>. Mirrors <c>SparseTensorProto</c>.
/// </summary>
public sealed class SparseTensor(Tensor? values, Tensor? indices, IEnumerable<long> dims)
{
    /// <summary>The non-zero values; its name is the sparse tensor's name. Null only when a file omits it.</summary>
    public Tensor? Values { get; set; } = values;

    /// <summary>The positions of the values. Null only when a file omits it.</summary>
    public Tensor? Indices { get; set; } = indices;

    /// <summary>The dense shape.</summary>
    public long[] Dims { get; set; } = [.. dims];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"sparse {Values?.Name}: {Values?.DataType.TypeName()}[{string.Join(",", Dims)}]";
}
