using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Onyx;

/// <summary>
/// A dense tensor: element type, dimensions and values. Mirrors <c>TensorProto</c>.
/// <para>
/// Values live in <see cref="RawData"/> in the layout of <c>raw_data</c> (little-endian, fixed width, sub-byte
/// types packed low bits first), whatever field the file used; strings live in <see cref="Strings"/>. A tensor
/// loaded from a file points into the memory-mapped file: no copy is made.
/// </para>
/// </summary>
public sealed class Tensor
{
    /// <summary>Creates a tensor over <paramref name="rawData"/> (layout of <c>raw_data</c>); the bytes are not copied.</summary>
    /// <exception cref="ArgumentException">The data length does not match the type and dimensions.</exception>
    public Tensor(DataType dataType, IEnumerable<long> dims, ReadOnlyMemory<byte> rawData, string name = "")
    {
        if (dataType == DataType.String)
            throw new ArgumentException("A string tensor holds its values in Strings; use Tensor.FromStrings.", nameof(dataType));
        DataType = dataType;
        Dims = [.. dims];
        RawData = rawData;
        Name = name;
        long expected = dataType.ByteCount(TensorShape.ElementCount(Dims));
        if (rawData.Length != expected)
            throw new ArgumentException($"Tensor '{name}' of type {dataType.ProtoName()} and shape [{string.Join(",", Dims)}] needs {expected} bytes, got {rawData.Length}.", nameof(rawData));
    }

    /// <summary>Creates an empty tensor shell; the serializer fills it.</summary>
    internal Tensor(DataType dataType, long[] dims)
    {
        DataType = dataType;
        Dims = dims;
    }

    /// <summary>The tensor's name (an initializer's name is the value it defines).</summary>
    public string Name { get; set; } = "";

    /// <summary>The element type.</summary>
    public DataType DataType { get; set; }

    /// <summary>The dimensions, outermost first; empty for a scalar.</summary>
    public long[] Dims { get; set; }

    /// <summary>
    /// The values in the layout of <c>raw_data</c>. Empty for string tensors, and for external tensors loaded
    /// with <see cref="ExternalDataMode.KeepReferences"/>.
    /// </summary>
    public ReadOnlyMemory<byte> RawData { get; set; }

    /// <summary>The values of a <see cref="DataType.String"/> tensor, as raw bytes (UTF-8 by convention).</summary>
    public List<byte[]> Strings { get; } = [];

    /// <summary>Documentation; Markdown allowed.</summary>
    public string DocString { get; set; } = "";

    /// <summary>
    /// When true the values are saved in the type-specific field (<c>float_data</c>, <c>int32_data</c>, …)
    /// instead of <c>raw_data</c>. Set on load when the file used such a field, so a save keeps the encoding.
    /// </summary>
    public bool UseTypedField { get; set; }

    /// <summary>Where the file stored the values. <see cref="TensorDataLocation.External"/> means <see cref="ExternalData"/> names the file.</summary>
    public TensorDataLocation DataLocation { get; set; }

    /// <summary>
    /// The external-data entries (<c>location</c>, <c>offset</c>, <c>length</c>, <c>checksum</c>) as the file gave them;
    /// see <see cref="ExternalDataReference"/> for the parsed form.
    /// </summary>
    public List<MetadataEntry> ExternalData { get; } = [];

    /// <summary>The element range this tensor holds when it is one chunk of a larger tensor; null otherwise.</summary>
    public TensorSegment? Segment { get; set; }

    /// <summary>Named metadata.</summary>
    public List<MetadataEntry> Metadata { get; } = [];

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    /// <summary>The number of elements (the product of <see cref="Dims"/>; 1 for a scalar).</summary>
    /// <exception cref="OverflowException">The product does not fit in a long.</exception>
    public long ElementCount => TensorShape.ElementCount(Dims);

    /// <summary>True when the values are at hand: inline, or external and loaded.</summary>
    public bool HasData => DataType == DataType.String || DataLocation != TensorDataLocation.External || RawData.Length > 0 || ElementCount == 0;

    /// <summary>
    /// The values as a span of <typeparamref name="T"/>, without copying. <typeparamref name="T"/> must be the
    /// element type's CLR counterpart (see <see cref="ElementTypes.Of{T}"/>); a <see cref="DataType.Complex64"/>
    /// tensor also reads as interleaved <see cref="float"/> pairs. Sub-byte types use <see cref="ToArray{T}"/>.
    /// </summary>
    public ReadOnlySpan<T> AsSpan<T>() where T : unmanaged
    {
        CheckElementType<T>();
        if (DataType.BitsPerElement() < 8)
            throw new InvalidOperationException($"{DataType.ProtoName()} elements are packed below one byte; use ToArray<T>().");
        return MemoryMarshal.Cast<byte, T>(RawData.Span);
    }

    /// <summary>A copy of the values as an array of <typeparamref name="T"/>; sub-byte types are unpacked.</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        CheckElementType<T>();
        int bits = DataType.BitsPerElement();
        if (bits >= 8)
            return MemoryMarshal.Cast<byte, T>(RawData.Span).ToArray();
        var elements = new T[checked((int)ElementCount)];
        ReadOnlySpan<byte> packed = RawData.Span;
        switch (DataType)
        {
            case DataType.Int4: SubByteElements.UnpackInt4(packed, MemoryMarshal.Cast<T, Int4>(elements.AsSpan())); break;
            case DataType.UInt4: SubByteElements.UnpackUInt4(packed, MemoryMarshal.Cast<T, UInt4>(elements.AsSpan())); break;
            case DataType.Float4E2M1: SubByteElements.UnpackFloat4E2M1(packed, MemoryMarshal.Cast<T, Float4E2M1>(elements.AsSpan())); break;
            case DataType.Int2: SubByteElements.UnpackInt2(packed, MemoryMarshal.Cast<T, Int2>(elements.AsSpan())); break;
            default: SubByteElements.UnpackUInt2(packed, MemoryMarshal.Cast<T, UInt2>(elements.AsSpan())); break;
        }
        return elements;
    }

    /// <summary>The values of a string tensor decoded as UTF-8.</summary>
    public string[] ToStrings()
    {
        if (DataType != DataType.String)
            throw new InvalidOperationException($"Tensor '{Name}' is {DataType.ProtoName()}, not STRING.");
        var result = new string[Strings.Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = Encoding.UTF8.GetString(Strings[i]);
        return result;
    }

    /// <summary>A tensor holding a copy of <paramref name="values"/> with the given dimensions (none: a 1-D tensor).</summary>
    /// <exception cref="ArgumentException">The element count does not match the dimensions.</exception>
    public static Tensor FromArray<T>(ReadOnlySpan<T> values, params long[] dims) where T : unmanaged
    {
        DataType type = ElementTypes.Of<T>();
        long[] shape = dims.Length == 0 && values.Length != 1 ? [values.Length] : dims;
        if (TensorShape.ElementCount(shape) != values.Length)
            throw new ArgumentException($"{values.Length} values do not fill shape [{string.Join(",", shape)}].", nameof(values));
        if (type.BitsPerElement() >= 8)
            return new Tensor(type, shape, MemoryMarshal.AsBytes(values).ToArray());
        var packed = new byte[type.ByteCount(values.Length)];
        switch (type)
        {
            case DataType.Int4: SubByteElements.PackInt4(MemoryMarshal.Cast<T, Int4>(values), packed); break;
            case DataType.UInt4: SubByteElements.PackUInt4(MemoryMarshal.Cast<T, UInt4>(values), packed); break;
            case DataType.Float4E2M1: SubByteElements.PackFloat4E2M1(MemoryMarshal.Cast<T, Float4E2M1>(values), packed); break;
            case DataType.Int2: SubByteElements.PackInt2(MemoryMarshal.Cast<T, Int2>(values), packed); break;
            default: SubByteElements.PackUInt2(MemoryMarshal.Cast<T, UInt2>(values), packed); break;
        }
        return new Tensor(type, shape, packed);
    }

    /// <summary>A tensor holding a copy of <paramref name="values"/> (see <see cref="FromArray{T}(ReadOnlySpan{T}, long[])"/>).</summary>
    public static Tensor FromArray<T>(T[] values, params long[] dims) where T : unmanaged => FromArray((ReadOnlySpan<T>)values, dims);

    /// <summary>A scalar tensor (rank 0).</summary>
    public static Tensor Scalar<T>(T value) where T : unmanaged => FromArray([value], []);

    /// <summary>A string tensor holding <paramref name="values"/> as UTF-8, with the given dimensions (none: 1-D).</summary>
    public static Tensor FromStrings(IEnumerable<string> values, params long[] dims)
    {
        var tensor = new Tensor(DataType.String, dims);
        foreach (string value in values)
            tensor.Strings.Add(Encoding.UTF8.GetBytes(value));
        if (dims.Length == 0 && tensor.Strings.Count != 1)
            tensor.Dims = [tensor.Strings.Count];
        if (tensor.ElementCount != tensor.Strings.Count)
            throw new ArgumentException($"{tensor.Strings.Count} strings do not fill shape [{string.Join(",", dims)}].", nameof(values));
        return tensor;
    }

    /// <summary>
    /// A tensor whose values live in an external file, described by <paramref name="reference"/>. Its data is
    /// mapped when a model holding it is loaded from a file; saving writes the reference as it is.
    /// </summary>
    public static Tensor External(string name, DataType dataType, IEnumerable<long> dims, ExternalDataReference reference)
    {
        var tensor = new Tensor(dataType, [.. dims]) { Name = name, DataLocation = TensorDataLocation.External };
        tensor.ExternalData.AddRange(reference.ToEntries());
        return tensor;
    }

    private void CheckElementType<T>() where T : unmanaged
    {
        DataType requested = ElementTypes.Of<T>();
        if (requested != DataType && !(DataType == DataType.Complex64 && typeof(T) == typeof(float)))
            throw new InvalidOperationException($"Tensor '{Name}' holds {DataType.ProtoName()}, not {requested.ProtoName()} ({typeof(T).Name}).");
        if (DataLocation == TensorDataLocation.External && !HasData)
            throw new InvalidOperationException($"Tensor '{Name}' is stored externally and its data was not loaded.");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {DataType.TypeName()}[{string.Join(",", Dims)}]";
}

/// <summary>Arithmetic on dimension lists.</summary>
internal static class TensorShape
{
    /// <summary>The product of the dimensions; throws on negative dimensions and on overflow.</summary>
    public static long ElementCount(ReadOnlySpan<long> dims)
    {
        long count = 1;
        foreach (long d in dims)
        {
            if (d < 0)
                throw new ArgumentException($"Dimension {d} is negative.");
            count = checked(count * d);
        }
        return count;
    }
}
