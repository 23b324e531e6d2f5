using System.Numerics;

namespace Onyx;

/// <summary>The CLR type that holds one element of each <see cref="DataType"/>.</summary>
public static class ElementTypes
{
    /// <summary>The data type whose elements <typeparamref name="T"/> holds.</summary>
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
        throw new NotSupportedException($"{typeof(T).Name} is not an ONNX element type.");
    }
}
