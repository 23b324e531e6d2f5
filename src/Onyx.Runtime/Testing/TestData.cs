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
        _ => throw new OnnxRuntimeException($"{value.GetType().Name} test data is not supported yet"),
    };

    private static IEnumerable<object> Elements(SequenceValue s) =>
        s.Tensors.Cast<object>().Concat(s.Sequences).Concat(s.Maps).Concat(s.Optionals);
}
