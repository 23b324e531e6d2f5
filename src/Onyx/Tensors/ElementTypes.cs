using System.Numerics;

namespace Onyx;

/// <summary>The CLR type that holds one element of each <see cref="DataType"/>.</summary>
public static class ElementTypes
{
    /// <summary>
    /// The data type whose elements <typeparamref name="T"/> holds: float, double, sbyte, byte, short, ushort, int,
    /// uint, long, ulong, bool, <see cref="Half"/> (FLOAT16), <see cref="Complex"/> (COMPLEX128),
    /// <see cref="BFloat16"/>, the Float8 types, <see cref="Float4E2M1"/>, <see cref="Int4"/>, <see cref="UInt4"/>,
    /// <see cref="Int2"/> and <see cref="UInt2"/>.
    /// </summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is no element type.</exception>
    public static DataType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return DataType.Float;
        if (typeof(T) == typeof(double)) return DataType.Double;
        if (typeof(T) == typeof(sbyte)) return DataType.Int8;
        if (typeof(T) == typeof(byte)) return DataType.UInt8;
        if (typeof(T) == typeof(short)) return DataType.Int16;
        if (typeof(T) == typeof(ushort)) return DataType.UInt16;
        if (typeof(T) == typeof(int)) return DataType.Int32;
        if (typeof(T) == typeof(uint)) return DataType.UInt32;
        if (typeof(T) == typeof(long)) return DataType.Int64;
        if (typeof(T) == typeof(ulong)) return DataType.UInt64;
        if (typeof(T) == typeof(bool)) return DataType.Bool;
        if (typeof(T) == typeof(Half)) return DataType.Float16;
        if (typeof(T) == typeof(Complex)) return DataType.Complex128;
        if (typeof(T) == typeof(BFloat16)) return DataType.BFloat16;
        if (typeof(T) == typeof(Float8E4M3FN)) return DataType.Float8E4M3FN;
        if (typeof(T) == typeof(Float8E4M3FNUZ)) return DataType.Float8E4M3FNUZ;
        if (typeof(T) == typeof(Float8E5M2)) return DataType.Float8E5M2;
        if (typeof(T) == typeof(Float8E5M2FNUZ)) return DataType.Float8E5M2FNUZ;
        if (typeof(T) == typeof(Float8E8M0)) return DataType.Float8E8M0;
        if (typeof(T) == typeof(Float4E2M1)) return DataType.Float4E2M1;
        if (typeof(T) == typeof(Int4)) return DataType.Int4;
        if (typeof(T) == typeof(UInt4)) return DataType.UInt4;
        if (typeof(T) == typeof(Int2)) return DataType.Int2;
        if (typeof(T) == typeof(UInt2)) return DataType.UInt2;
        throw new NotSupportedException($"{typeof(T).Name} is not an ONNX element type.");
    }
}
