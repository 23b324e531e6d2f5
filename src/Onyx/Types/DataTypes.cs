namespace Onyx;

/// <summary>Facts about each <see cref="DataType"/>: storage width, names, and which protobuf field holds its values.</summary>
public static class DataTypes
{
    /// <summary>The largest defined data type value.</summary>
    internal const int MaxDefined = (int)DataType.Int2;

    /// <summary>True for the element types onnx.proto defines, <see cref="DataType.Undefined"/> excluded.</summary>
    public static bool IsDefined(this DataType type) => type > DataType.Undefined && (int)type <= MaxDefined;

    /// <summary>
    /// Bits one element occupies in raw storage: 2, 4, 8, 16, 32, 64 or 128.
    /// Zero for <see cref="DataType.String"/> (variable size) and for undefined values.
    /// </summary>
    public static int BitsPerElement(this DataType type) => type switch
    {
        DataType.Int2 or DataType.UInt2 => 2,
        DataType.Int4 or DataType.UInt4 or DataType.Float4E2M1 => 4,
        DataType.UInt8 or DataType.Int8 or DataType.Bool or DataType.Float8E4M3FN or DataType.Float8E4M3FNUZ
            or DataType.Float8E5M2 or DataType.Float8E5M2FNUZ or DataType.Float8E8M0 => 8,
        DataType.UInt16 or DataType.Int16 or DataType.Float16 or DataType.BFloat16 => 16,
        DataType.Float or DataType.Int32 or DataType.UInt32 => 32,
        DataType.Int64 or DataType.UInt64 or DataType.Double or DataType.Complex64 => 64,
        DataType.Complex128 => 128,
        _ => 0,
    };

    /// <summary>
    /// The number of bytes <paramref name="elementCount"/> elements occupy in raw storage, sub-byte types packed
    /// and the last byte padded. Throws <see cref="OverflowException"/> if the size does not fit in a long.
    /// </summary>
    public static long ByteCount(this DataType type, long elementCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elementCount);
        int bits = type.BitsPerElement();
        if (bits == 0)
            throw new ArgumentException($"{type} has no fixed element size.", nameof(type));
        if (bits < 8)
            return SubByteElements.PackedByteCount(elementCount, bits);
        return checked(elementCount * (bits / 8));
    }

    /// <summary>
    /// <see cref="ByteCount"/> for a count read from a file, or -1 when the size would overflow: -1 matches no
    /// payload length, so the caller's size check rejects the tensor without a special case.
    /// </summary>
    internal static long ByteCountOrMinusOne(this DataType type, long elementCount) =>
        elementCount > long.MaxValue / 16 ? -1 : type.ByteCount(elementCount);

    /// <summary>The name onnx.proto gives the type, e.g. <c>FLOAT8E4M3FN</c>.</summary>
    public static string ProtoName(this DataType type) => type switch
    {
        DataType.Undefined => "UNDEFINED",
        DataType.Float => "FLOAT",
        DataType.UInt8 => "UINT8",
        DataType.Int8 => "INT8",
        DataType.UInt16 => "UINT16",
        DataType.Int16 => "INT16",
        DataType.Int32 => "INT32",
        DataType.Int64 => "INT64",
        DataType.String => "STRING",
        DataType.Bool => "BOOL",
        DataType.Float16 => "FLOAT16",
        DataType.Double => "DOUBLE",
        DataType.UInt32 => "UINT32",
        DataType.UInt64 => "UINT64",
        DataType.Complex64 => "COMPLEX64",
        DataType.Complex128 => "COMPLEX128",
        DataType.BFloat16 => "BFLOAT16",
        DataType.Float8E4M3FN => "FLOAT8E4M3FN",
        DataType.Float8E4M3FNUZ => "FLOAT8E4M3FNUZ",
        DataType.Float8E5M2 => "FLOAT8E5M2",
        DataType.Float8E5M2FNUZ => "FLOAT8E5M2FNUZ",
        DataType.UInt4 => "UINT4",
        DataType.Int4 => "INT4",
        DataType.Float4E2M1 => "FLOAT4E2M1",
        DataType.Float8E8M0 => "FLOAT8E8M0",
        DataType.UInt2 => "UINT2",
        DataType.Int2 => "INT2",
        _ => $"DATATYPE_{(int)type}",
    };

    /// <summary>The name ONNX type strings use, e.g. <c>float</c>, <c>int64</c>, <c>float8e4m3fn</c> (as in <c>tensor(float)</c>).</summary>
    public static string TypeName(this DataType type) => type switch
    {
        DataType.Float => "float",
        DataType.Double => "double",
        DataType.Float16 => "float16",
        DataType.BFloat16 => "bfloat16",
        DataType.Complex64 => "complex64",
        DataType.Complex128 => "complex128",
        _ => type.ProtoName().ToLowerInvariant(),
    };

    /// <summary>The protobuf field that holds the type's values when raw_data is not used.</summary>
    internal static TypedDataField TypedField(this DataType type) => type switch
    {
        DataType.Float or DataType.Complex64 => TypedDataField.FloatData,
        DataType.Double or DataType.Complex128 => TypedDataField.DoubleData,
        DataType.Int64 => TypedDataField.Int64Data,
        DataType.UInt32 or DataType.UInt64 => TypedDataField.UInt64Data,
        DataType.String => TypedDataField.StringData,
        DataType.Undefined => TypedDataField.None,
        _ when type.IsDefined() => TypedDataField.Int32Data,
        _ => TypedDataField.None,
    };
}

/// <summary>The typed value fields of TensorProto, numbered as on the wire.</summary>
internal enum TypedDataField
{
    None = 0,
    FloatData = 4,
    Int32Data = 5,
    StringData = 6,
    Int64Data = 7,
    DoubleData = 10,
    UInt64Data = 11,
}
