using System.Runtime.InteropServices;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Signal;

/// <summary>
/// The outputs of the signal kernels, computed in a double array; the generators (windows, MelWeightMatrix) write
/// theirs as output_datatype.
/// </summary>
internal static class SignalOutputs
{
    /// <summary>The attribute 'output_datatype', which must be one of the numeric types the generators' output constraint lists.</summary>
    public static DataType OutputType(KernelNode node)
    {
        var type = (DataType)node.Attributes.Int("output_datatype", (long)DataType.Float);
        bool numeric = type is DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64 or DataType.Int8 or DataType.Int16
            or DataType.Int32 or DataType.Int64 or DataType.Float16 or DataType.Float or DataType.Double or DataType.BFloat16;
        return numeric ? type : throw node.Fail($"attribute 'output_datatype' must be a numeric element type, found {(long)type}");
    }

    /// <summary>The element count of an output of <paramref name="dims"/>, computed in a double array first; fails past one array's length.</summary>
    public static int Count(KernelContext context, long[] dims)
    {
        long count = context.ElementCount(dims);
        return count <= Array.MaxLength
            ? (int)count
            : throw context.Fail($"output 0 of shape [{string.Join(",", dims)}] has {count} elements, more than one array can hold");
    }

    /// <summary>Allocates output 0 as <paramref name="type"/> and converts <paramref name="values"/> into it by Cast's rules.</summary>
    public static void Write(KernelContext context, DataType type, long[] dims, double[] values)
    {
        Span<byte> output = context.AllocateOutput(0, type, dims);
        Conversion.Convert(DataType.Double, MemoryMarshal.AsBytes(values.AsSpan()), type, output, values.Length, ConversionOptions.Default);
    }
}
