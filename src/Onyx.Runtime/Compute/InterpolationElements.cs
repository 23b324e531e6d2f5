using System.Runtime.InteropServices;
using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Compute;

/// <summary>
/// The element types Resize and GridSample interpolate: every real and integer type is read as double, weighted in
/// double, and written back in its own type; integer results round to the nearest value (ties to even) and saturate
/// to the type's range, as an average of integers is not itself an integer.
/// </summary>
internal static class InterpolationElements
{
    /// <summary>True for the types whose values can be weighted: the real and integer types, not bool.</summary>
    public static bool IsNumeric(DataType type) => Conversion.Supports(type) && type != DataType.Bool;

    public static double[] Read(KernelContext context, Tensor tensor, string name)
    {
        if (!IsNumeric(tensor.DataType))
            throw context.Fail($"input '{name}' has element type {tensor.DataType.TypeName()}, which only mode 'nearest' can resample");
        var values = new double[context.ElementCount(tensor.Dims)];
        Conversion.Convert(tensor.DataType, tensor.RawData.Span, DataType.Double, MemoryMarshal.AsBytes(values.AsSpan()), values.Length, ConversionOptions.Default);
        return values;
    }

    /// <summary>Allocates output <paramref name="index"/> of <paramref name="type"/> and fills it from <paramref name="values"/>, which it may round in place.</summary>
    public static void Write(KernelContext context, int index, DataType type, long[] dims, double[] values)
    {
        if (Conversion.IsInteger(type))
        {
            (double low, double high) = Range(type);
            for (int i = 0; i < values.Length; i++)
                values[i] = double.IsNaN(values[i]) ? 0 : System.Math.Clamp(System.Math.Round(values[i], MidpointRounding.ToEven), low, high);
        }
        Span<byte> bytes = context.AllocateOutput(index, type, dims);
        Conversion.Convert(DataType.Double, MemoryMarshal.AsBytes(values.AsSpan()), type, bytes, values.Length, ConversionOptions.Default);
    }

    /// <summary>A one-element tensor of <paramref name="type"/> holding <paramref name="value"/> (an empty string for strings, the real part for complex types).</summary>
    public static Tensor Constant(DataType type, double value)
    {
        if (type == DataType.String)
        {
            var text = new Tensor(DataType.String, [1]);
            text.Strings.Add([]);
            return text;
        }
        var bytes = new byte[type.ByteCount(1)];
        if (type == DataType.Complex64)
            MemoryMarshal.Write(bytes, (float)value);
        else if (type == DataType.Complex128)
            MemoryMarshal.Write(bytes, value);
        else
            Conversion.Convert(DataType.Double, MemoryMarshal.AsBytes(new[] { value }.AsSpan()), type, bytes, 1, ConversionOptions.Default);
        return new Tensor(type, [1], bytes);
    }

    /// <summary>The smallest and largest values of an integer type that convert back exactly from double.</summary>
    private static (double Low, double High) Range(DataType type) => type switch
    {
        DataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        DataType.Int16 => (short.MinValue, short.MaxValue),
        DataType.Int32 => (int.MinValue, int.MaxValue),
        DataType.Int64 => (long.MinValue, System.Math.BitDecrement((double)long.MaxValue)),
        DataType.UInt8 => (0, byte.MaxValue),
        DataType.UInt16 => (0, ushort.MaxValue),
        DataType.UInt32 => (0, uint.MaxValue),
        DataType.UInt64 => (0, System.Math.BitDecrement((double)ulong.MaxValue)),
        DataType.Int4 => (-8, 7),
        DataType.UInt4 => (0, 15),
        DataType.Int2 => (-2, 1),
        DataType.UInt2 => (0, 3),
        _ => (0, 1),
    };
}
