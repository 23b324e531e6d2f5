namespace Onyx;

/// <summary>
/// Combines an inferred type with a declared one into a fresh type holding what both know. Known sizes
/// beat symbols and symbols beat unknown dims; contradictions are reported through <c>conflict</c>.
/// </summary>
internal static class TypeMerge
{
    public static TypeInfo? Merge(TypeInfo? inferred, TypeInfo? declared, Action<string> conflict)
    {
        if (inferred is null)
            return Clone(declared);
        if (declared is null)
            return Clone(inferred);
        switch (inferred, declared)
        {
            case (TensorTypeInfo a, TensorTypeInfo b):
                return new TensorTypeInfo(MergeElement(a.ElementType, b.ElementType, conflict), MergeShape(a.Shape, b.Shape, conflict)) { Denotation = b.Denotation };
            case (SparseTensorTypeInfo a, SparseTensorTypeInfo b):
                return new SparseTensorTypeInfo(MergeElement(a.ElementType, b.ElementType, conflict), MergeShape(a.Shape, b.Shape, conflict)) { Denotation = b.Denotation };
            case (SequenceTypeInfo a, SequenceTypeInfo b):
                return new SequenceTypeInfo(Merge(a.ElementType, b.ElementType, conflict)) { Denotation = b.Denotation };
            case (OptionalTypeInfo a, OptionalTypeInfo b):
                return new OptionalTypeInfo(Merge(a.ElementType, b.ElementType, conflict)) { Denotation = b.Denotation };
            case (MapTypeInfo a, MapTypeInfo b):
                return new MapTypeInfo(MergeElement(a.KeyType, b.KeyType, conflict), Merge(a.ValueType, b.ValueType, conflict)) { Denotation = b.Denotation };
            case (OpaqueTypeInfo, OpaqueTypeInfo):
                return Clone(declared);
            default:
                conflict($"inferred type {inferred} does not match declared type {declared}");
                return Clone(declared);
        }
    }

    /// <summary>A deep copy, so values in the model never share dims with inference's working state.</summary>
    public static TypeInfo? Clone(TypeInfo? type) => type switch
    {
        null => null,
        TensorTypeInfo t => new TensorTypeInfo(t.ElementType, CloneShape(t.Shape)) { Denotation = t.Denotation },
        SparseTensorTypeInfo t => new SparseTensorTypeInfo(t.ElementType, CloneShape(t.Shape)) { Denotation = t.Denotation },
        SequenceTypeInfo t => new SequenceTypeInfo(Clone(t.ElementType)) { Denotation = t.Denotation },
        OptionalTypeInfo t => new OptionalTypeInfo(Clone(t.ElementType)) { Denotation = t.Denotation },
        MapTypeInfo t => new MapTypeInfo(t.KeyType, Clone(t.ValueType)) { Denotation = t.Denotation },
        OpaqueTypeInfo t => new OpaqueTypeInfo(t.Domain, t.Name) { Denotation = t.Denotation },
        _ => throw new InvalidOperationException($"Unknown type kind {type.GetType().Name}."),
    };

    /// <summary>True when merging would tell the declared type something it does not already say.</summary>
    public static bool AddsTo(TypeInfo? merged, TypeInfo? declared) => Describe(merged) != Describe(declared);

    /// <summary>The type with its shape, e.g. <c>tensor(float)[N,3]</c>; used to compare and to report.</summary>
    public static string Describe(TypeInfo? type) => type switch
    {
        null => "?",
        TensorTypeInfo t => t + (t.Shape is null ? "" : t.Shape.ToString()),
        SparseTensorTypeInfo t => t + (t.Shape is null ? "" : t.Shape.ToString()),
        SequenceTypeInfo t => $"seq({Describe(t.ElementType)})",
        OptionalTypeInfo t => $"optional({Describe(t.ElementType)})",
        MapTypeInfo t => $"map({t.KeyType.TypeName()},{Describe(t.ValueType)})",
        _ => type.ToString(),
    };

    private static DataType MergeElement(DataType inferred, DataType declared, Action<string> conflict)
    {
        if (inferred == DataType.Undefined)
            return declared;
        if (declared != DataType.Undefined && declared != inferred)
            conflict($"inferred element type {inferred.TypeName()} does not match declared {declared.TypeName()}");
        return inferred;
    }

    private static Shape? MergeShape(Shape? inferred, Shape? declared, Action<string> conflict)
    {
        if (inferred is null)
            return CloneShape(declared);
        if (declared is null)
            return CloneShape(inferred);
        if (inferred.Rank != declared.Rank)
        {
            conflict($"inferred shape {inferred} has rank {inferred.Rank}, but the declared shape {declared} has rank {declared.Rank}");
            return CloneShape(declared);
        }
        var dims = new Dim[inferred.Rank];
        for (int i = 0; i < dims.Length; i++)
        {
            Dim a = inferred.Dims[i], b = declared.Dims[i];
            if (a.Value is long x && b.Value is long y && x != y)
                conflict($"inferred shape {inferred} does not match declared shape {declared} in dimension {i}");
            dims[i] = CloneDim(b.Value is not null ? b : a.Value is not null ? a : b.Param is not null ? b : a);
        }
        return new Shape(dims);
    }

    private static Shape? CloneShape(Shape? shape)
    {
        if (shape is null)
            return null;
        var dims = new Dim[shape.Rank];
        for (int i = 0; i < dims.Length; i++)
            dims[i] = CloneDim(shape.Dims[i]);
        return new Shape(dims);
    }

    private static Dim CloneDim(Dim dim) => new() { Value = dim.Value, Param = dim.Param, Denotation = dim.Denotation };
}
