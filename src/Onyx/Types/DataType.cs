namespace Onyx;

/// <summary>
/// The element type of a tensor, numbered as <c>TensorProto.DataType</c> in onnx.proto
/// (ONNX 1.23 and later). The numeric values are the wire values.
/// </summary>
public enum DataType
{
    /// <summary>No type set.</summary>
    Undefined = 0,
    /// <summary>IEEE 754 binary32.</summary>
    Float = 1,
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8 = 2,
    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 3,
    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16 = 4,
    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 5,
    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 6,
    /// <summary>Signed 64-bit integer.</summary>
    Int64 = 7,
    /// <summary>A byte string, by convention UTF-8.</summary>
    String = 8,
    /// <summary>A boolean stored as one byte, 0 or 1.</summary>
    Bool = 9,
    /// <summary>IEEE 754 binary16.</summary>
    Float16 = 10,
    /// <summary>IEEE 754 binary64.</summary>
    Double = 11,
    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32 = 12,
    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64 = 13,
    /// <summary>A complex number of two binary32 values, real part first.</summary>
    Complex64 = 14,
    /// <summary>A complex number of two binary64 values, real part first.</summary>
    Complex128 = 15,
    /// <summary>The upper 16 bits of a binary32 (1 sign, 8 exponent, 7 mantissa bits).</summary>
    BFloat16 = 16,
    /// <summary>8-bit float, 4 exponent and 3 mantissa bits, NaN but no infinity.</summary>
    Float8E4M3FN = 17,
    /// <summary>8-bit float, 4 exponent and 3 mantissa bits, NaN but no infinity and no negative zero.</summary>
    Float8E4M3FNUZ = 18,
    /// <summary>8-bit float, 5 exponent and 2 mantissa bits, with infinities and NaN.</summary>
    Float8E5M2 = 19,
    /// <summary>8-bit float, 5 exponent and 2 mantissa bits, NaN but no infinity and no negative zero.</summary>
    Float8E5M2FNUZ = 20,
    /// <summary>Unsigned 4-bit integer, two per byte.</summary>
    UInt4 = 21,
    /// <summary>Signed 4-bit integer, two per byte.</summary>
    Int4 = 22,
    /// <summary>4-bit float, 2 exponent and 1 mantissa bit, two per byte.</summary>
    Float4E2M1 = 23,
    /// <summary>8-bit power of two (exponent only), the scale type of microscaling formats.</summary>
    Float8E8M0 = 24,
    /// <summary>Unsigned 2-bit integer, four per byte.</summary>
    UInt2 = 25,
    /// <summary>Signed 2-bit integer, four per byte.</summary>
    Int2 = 26,
}
