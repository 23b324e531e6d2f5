namespace Onyx;

/// <summary>The IR version that introduced each data type and type kind (the version history in onnx.proto's <c>Version</c> enum).</summary>
internal static class IrFeatures
{
    public static long MinimumIrVersion(DataType type) => type switch
    {
        DataType.BFloat16 => 4,
        DataType.Float8E4M3FN or DataType.Float8E4M3FNUZ or DataType.Float8E5M2 or DataType.Float8E5M2FNUZ => 9,
        DataType.UInt4 or DataType.Int4 => 10,
        DataType.Float4E2M1 => 11,
        DataType.Float8E8M0 => 12,
        DataType.UInt2 or DataType.Int2 => 13,
        _ => 1,
    };

    /// <summary>Sparse tensor and optional types arrived with IR version 8; element types bring their own requirement.</summary>
    public static long MinimumIrVersion(TypeInfo type) => type switch
    {
        TensorTypeInfo t => MinimumIrVersion(t.ElementType),
        SparseTensorTypeInfo s => Math.Max(8, MinimumIrVersion(s.ElementType)),
        OptionalTypeInfo o => Math.Max(8, o.ElementType is null ? 1 : MinimumIrVersion(o.ElementType)),
        SequenceTypeInfo q => q.ElementType is null ? 1 : MinimumIrVersion(q.ElementType),
        MapTypeInfo m => Math.Max(MinimumIrVersion(m.KeyType), m.ValueType is null ? 1 : MinimumIrVersion(m.ValueType)),
        _ => 1,
    };

    /// <summary>True when every element type inside <paramref name="type"/> is given, so it can be compared with a type constraint.</summary>
    public static bool IsComplete(TypeInfo? type) => type switch
    {
        TensorTypeInfo t => t.ElementType.IsDefined(),
        SparseTensorTypeInfo s => s.ElementType.IsDefined(),
        SequenceTypeInfo q => IsComplete(q.ElementType),
        OptionalTypeInfo o => IsComplete(o.ElementType),
        MapTypeInfo m => m.KeyType.IsDefined() && IsComplete(m.ValueType),
        _ => false,
    };
}
