using System.Runtime.InteropServices;

namespace Onyx;

/// <summary>Reads small constant tensors for inference, refusing anything malformed or over the limit.</summary>
internal static class TensorValues
{
    /// <summary>The elements of an integer tensor of at most <paramref name="maxElements"/> elements; null when it is not one or its payload is inconsistent.</summary>
    public static long[]? Integers(Tensor tensor, int maxElements)
    {
        long count = ElementCountOrMinusOne(tensor);
        if (count < 0 || count > maxElements || !HasPayload(tensor, count))
            return null;
        ReadOnlySpan<byte> bytes = tensor.RawData.Span;
        var values = new long[count];
        switch (tensor.DataType)
        {
            case DataType.Int64: MemoryMarshal.Cast<byte, long>(bytes).CopyTo(values); break;
            case DataType.Int32: Widen(MemoryMarshal.Cast<byte, int>(bytes), values); break;
            case DataType.Int16: Widen(MemoryMarshal.Cast<byte, short>(bytes), values); break;
            case DataType.Int8: Widen(MemoryMarshal.Cast<byte, sbyte>(bytes), values); break;
            case DataType.UInt8: Widen(bytes, values); break;
            case DataType.UInt16: Widen(MemoryMarshal.Cast<byte, ushort>(bytes), values); break;
            case DataType.UInt32: Widen(MemoryMarshal.Cast<byte, uint>(bytes), values); break;
            case DataType.Bool: Widen(bytes, values); break;
            default: return null;
        }
        return values;
    }

    /// <summary>The elements of a float, double or float16 tensor of at most <paramref name="maxElements"/> elements, as doubles.</summary>
    public static double[]? Reals(Tensor tensor, int maxElements)
    {
        long count = ElementCountOrMinusOne(tensor);
        if (count < 0 || count > maxElements || !HasPayload(tensor, count))
            return null;
        ReadOnlySpan<byte> bytes = tensor.RawData.Span;
        var values = new double[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = tensor.DataType switch
            {
                DataType.Float => MemoryMarshal.Cast<byte, float>(bytes)[i],
                DataType.Double => MemoryMarshal.Cast<byte, double>(bytes)[i],
                DataType.Float16 => (double)MemoryMarshal.Cast<byte, Half>(bytes)[i],
                DataType.BFloat16 => (float)MemoryMarshal.Cast<byte, BFloat16>(bytes)[i],
                _ => double.NaN,
            };
        }
        return tensor.DataType is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16 ? values : null;
    }

    /// <summary>The number of elements the dims describe, or -1 when a dim is negative or the product overflows.</summary>
    public static long ElementCountOrMinusOne(Tensor tensor)
    {
        long count = 1;
        foreach (long d in tensor.Dims)
        {
            if (d < 0 || (d > 0 && count > long.MaxValue / d))
                return -1;
            count *= d;
        }
        return count;
    }

    private static bool HasPayload(Tensor tensor, long count) =>
        tensor.DataType != DataType.String && tensor.DataType.BitsPerElement() >= 8
        && tensor.RawData.Length == count * (tensor.DataType.BitsPerElement() / 8);

    private static void Widen<T>(ReadOnlySpan<T> source, long[] target) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        for (int i = 0; i < target.Length; i++)
            target[i] = long.CreateTruncating(source[i]);
    }
}
