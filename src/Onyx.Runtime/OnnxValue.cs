using System.Runtime.InteropServices;
using NumericsTensor = System.Numerics.Tensors.Tensor;

namespace Onyx.Runtime;

/// <summary>
/// A value a model takes or produces: a tensor, a sequence, a map or an optional. Tensors hold an Onyx
/// <see cref="Onyx.Tensor"/>, so weights, test data and run results share one representation; they convert to and
/// from arrays and <c>System.Numerics.Tensors.Tensor&lt;T&gt;</c>.
/// </summary>
public sealed class OnnxValue
{
    private OnnxValue(OnnxValueKind kind, Tensor? tensor, IReadOnlyList<OnnxValue>? elements, TypeInfo? elementType, Tensor? mapValues = null)
    {
        Kind = kind;
        _tensor = tensor;
        _elements = elements;
        _elementType = elementType;
        _mapValues = mapValues;
    }

    /// <summary>A tensor value's tensor, or a map's keys.</summary>
    private readonly Tensor? _tensor;
    private readonly Tensor? _mapValues;
    private readonly IReadOnlyList<OnnxValue>? _elements;
    private readonly TypeInfo? _elementType;

    /// <summary>What the value holds.</summary>
    public OnnxValueKind Kind { get; }

    /// <summary>A tensor value over <paramref name="tensor"/>; its bytes are not copied.</summary>
    public static OnnxValue FromTensor(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return new(OnnxValueKind.Tensor, tensor, null, null);
    }

    /// <summary>A tensor value holding a copy of <paramref name="values"/> with the given dimensions (none: 1-D).</summary>
    public static OnnxValue FromArray<T>(T[] values, params long[] dims) where T : unmanaged =>
        FromTensor(Tensor.FromArray(values, dims.Length == 0 ? [values.Length] : dims));

    /// <summary>A tensor value over <paramref name="values"/> without copying them; the memory must outlive the value.</summary>
    public static OnnxValue FromMemory<T>(Memory<T> values, params long[] dims) where T : unmanaged =>
        FromTensor(new Tensor(ElementTypes.Of<T>(), dims.Length == 0 ? [values.Length] : dims, new ByteMemory<T>(values).Memory));

    /// <summary>A string tensor value.</summary>
    public static OnnxValue FromStrings(string[] values, params long[] dims) =>
        FromTensor(Tensor.FromStrings(values, dims.Length == 0 ? [values.Length] : dims));

    /// <summary>A tensor value holding a copy of a <c>System.Numerics.Tensors</c> tensor.</summary>
    public static OnnxValue FromTensor<T>(System.Numerics.Tensors.Tensor<T> tensor) where T : unmanaged
    {
        var values = new T[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return FromArray(values, [.. tensor.Lengths.ToArray().Select(l => (long)l)]);
    }

    /// <summary>A sequence of <paramref name="elements"/>, whose type is <paramref name="elementType"/> (needed when empty).</summary>
    public static OnnxValue Sequence(IReadOnlyList<OnnxValue> elements, TypeInfo? elementType = null) =>
        new(OnnxValueKind.Sequence, null, elements, elementType ?? elements.FirstOrDefault()?.Type);

    /// <summary>An optional holding <paramref name="element"/>, or none when it is null (then <paramref name="elementType"/> says what it would hold).</summary>
    public static OnnxValue Optional(OnnxValue? element, TypeInfo? elementType = null) =>
        new(OnnxValueKind.Optional, null, element is null ? [] : [element], elementType ?? element?.Type);

    /// <summary>
    /// A map from each of <paramref name="keys"/> (1-D, an integer type or string, no key twice) to the value at the
    /// same position of <paramref name="values"/> (1-D, as long).
    /// </summary>
    /// <exception cref="ArgumentException">The keys and values are not 1-D of one length, a key type is not allowed, or a key repeats.</exception>
    public static OnnxValue Map(Tensor keys, Tensor values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        if (keys.Dims is not [long count] || values.Dims is not [long valueCount] || count != valueCount)
            throw new ArgumentException($"A map needs 1-D keys and values of one length; got [{string.Join(",", keys.Dims)}] and [{string.Join(",", values.Dims)}].");
        if (keys.DataType is not (DataType.String or DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Int64
            or DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64))
            throw new ArgumentException($"A map's keys must be an integer type or string, not {keys.DataType.TypeName()}.");
        int width = keys.DataType.BitsPerElement() / 8;
        IEnumerable<byte[]> encoded = keys.DataType == DataType.String
            ? keys.Strings
            : Enumerable.Range(0, (int)count).Select(i => keys.RawData.Slice(i * width, width).ToArray());
        if (encoded.Select(Convert.ToBase64String).Distinct().Count() != count)
            throw new ArgumentException("A map's keys must be distinct.");
        return new(OnnxValueKind.Map, keys, null, null, values);
    }

    /// <summary>The keys of a map, 1-D.</summary>
    /// <exception cref="InvalidOperationException">The value is not a map.</exception>
    public Tensor MapKeys => Kind == OnnxValueKind.Map ? _tensor! : throw new InvalidOperationException($"The value is a {Kind}, not a map.");

    /// <summary>The values of a map, 1-D, in the order of <see cref="MapKeys"/>.</summary>
    /// <exception cref="InvalidOperationException">The value is not a map.</exception>
    public Tensor MapValues => _mapValues ?? throw new InvalidOperationException($"The value is a {Kind}, not a map.");

    /// <summary>The tensor of a tensor value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a tensor.</exception>
    public Tensor Tensor => Kind == OnnxValueKind.Tensor ? _tensor! : throw new InvalidOperationException($"The value is a {Kind}, not a tensor.");

    /// <summary>The elements of a sequence, or the element of an optional (none or one).</summary>
    /// <exception cref="InvalidOperationException">The value is a tensor.</exception>
    public IReadOnlyList<OnnxValue> Elements => _elements ?? throw new InvalidOperationException($"The value is a {Kind}, not a sequence or optional.");

    /// <summary>The element type of a tensor value.</summary>
    public DataType ElementType => Tensor.DataType;

    /// <summary>The dimensions of a tensor value.</summary>
    public IReadOnlyList<long> Dims => Tensor.Dims;

    /// <summary>The value's type; a tensor's includes its shape.</summary>
    public TypeInfo? Type => Kind switch
    {
        OnnxValueKind.Tensor => TypeInfo.Tensor(_tensor!.DataType, _tensor.Dims.Select(d => (Dim)d)),
        OnnxValueKind.Sequence => new SequenceTypeInfo(_elementType),
        OnnxValueKind.Optional => new OptionalTypeInfo(_elementType),
        OnnxValueKind.Map => new MapTypeInfo(_tensor!.DataType, TypeInfo.Tensor(_mapValues!.DataType, [])),
        _ => null,
    };

    /// <summary>The values of a tensor as a span, without copying (see <see cref="Onyx.Tensor.AsSpan{T}"/>).</summary>
    public ReadOnlySpan<T> AsSpan<T>() where T : unmanaged => Tensor.AsSpan<T>();

    /// <summary>A copy of a tensor's values.</summary>
    public T[] ToArray<T>() where T : unmanaged => Tensor.ToArray<T>();

    /// <summary>A copy of a tensor's values as a <c>System.Numerics.Tensors</c> tensor.</summary>
    public System.Numerics.Tensors.Tensor<T> ToNumericsTensor<T>() where T : unmanaged =>
        NumericsTensor.Create(ToArray<T>(), [.. Tensor.Dims.Select(d => checked((nint)d))]);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        OnnxValueKind.Tensor => $"{_tensor!.DataType.TypeName()}[{string.Join(",", _tensor.Dims)}]",
        OnnxValueKind.Map => $"map({_tensor!.DataType.TypeName()},{_mapValues!.DataType.TypeName()}) of {_tensor.Dims[0]}",
        _ => $"{Kind.ToString().ToLowerInvariant()} of {_elements!.Count}",
    };

    /// <summary>Views the memory of unmanaged <typeparamref name="T"/> values as bytes, without copying.</summary>
    private sealed class ByteMemory<T>(Memory<T> values) : System.Buffers.MemoryManager<byte> where T : unmanaged
    {
        public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(values.Span);

        private System.Buffers.MemoryHandle _pinned;

        public override System.Buffers.MemoryHandle Pin(int elementIndex = 0)
        {
            _pinned = values.Pin();
            unsafe
            {
                return new System.Buffers.MemoryHandle((byte*)_pinned.Pointer + elementIndex, default, this);
            }
        }

        public override void Unpin() => _pinned.Dispose();

        protected override void Dispose(bool disposing) { }
    }
}
