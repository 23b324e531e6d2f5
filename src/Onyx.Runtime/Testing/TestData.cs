using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Testing;

/// <summary>Reads a test-data file (<c>TensorProto</c>, <c>SequenceProto</c>, <c>OptionalProto</c>) as the value a session takes.</summary>
internal static class TestData
{
    public static OnnxValue Read(string path, TypeInfo? declared) => From(TensorFile.ReadValue(path, declared), declared);

    private static OnnxValue From(object value, TypeInfo? declared) => value switch
    {
        Tensor t => OnnxValue.FromTensor(t),
        SequenceValue s => OnnxValue.Sequence([.. Elements(s).Select(e => From(e, (declared as SequenceTypeInfo)?.ElementType))], (declared as SequenceTypeInfo)?.ElementType),
        OptionalValue o => OnnxValue.Optional(((object?)o.Tensor ?? o.Sequence) is { } inner ? From(inner, (declared as OptionalTypeInfo)?.ElementType) : null,
            (declared as OptionalTypeInfo)?.ElementType),
        MapValue m => Map(m),
        _ => throw new OnnxRuntimeException($"{value.GetType().Name} test data is not supported yet"),
    };

    /// <summary>A map's values are stored as a sequence of tensors, one per key (or one holding them all), concatenated here.</summary>
    private static OnnxValue Map(MapValue m)
    {
        Tensor keys;
        if (m.KeyType == DataType.String)
        {
            keys = new Tensor(DataType.String, [m.StringKeys.Count]);
            keys.Strings.AddRange(m.StringKeys);
        }
        else
        {
            var bytes = new byte[m.Keys.Count * (m.KeyType.BitsPerElement() / 8)];
            Conversion.Convert(DataType.Int64, System.Runtime.InteropServices.MemoryMarshal.AsBytes(m.Keys.ToArray().AsSpan()), m.KeyType, bytes, m.Keys.Count, ConversionOptions.Default);
            keys = new Tensor(m.KeyType, [m.Keys.Count], bytes);
        }
        List<Tensor> parts = m.Values?.Tensors ?? [];
        if (parts.Count == 0)
            return OnnxValue.Map(keys, new Tensor(DataType.Float, [0], ReadOnlyMemory<byte>.Empty));
        long count = parts.Sum(p => p.ElementCount);
        var values = new IndexedTarget(parts[0].DataType, count);
        long at = 0;
        foreach (Tensor part in parts)
        {
            values.Copy(new IndexedSource(part), 0, at, part.ElementCount);
            at += part.ElementCount;
        }
        return OnnxValue.Map(keys, values.ToTensor([count]));
    }

    private static IEnumerable<object> Elements(SequenceValue s) =>
        s.Tensors.Cast<object>().Concat(s.Sequences).Concat(s.Maps).Concat(s.Optionals);
}
