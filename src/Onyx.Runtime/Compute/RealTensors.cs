using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Compute;

/// <summary>
/// Reads real-valued tensors (float, double, float16, bfloat16, and the 8-bit ints some pools allow) as doubles and
/// writes doubles back in the tensor's own type, so the neural-network kernels compute once, in double, for every
/// element type they accept (16-bit floats are widened as hardware without 16-bit arithmetic does).
/// </summary>
internal static class RealTensors
{
    public static bool IsFloat(DataType type) => type is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16;

    public static double[] Read(KernelContext context, Tensor tensor, string name)
    {
        var values = new double[context.ElementCount(tensor.Dims)];
        switch (tensor.DataType)
        {
            case DataType.Float: Widen(tensor.AsSpan<float>(), values, v => v); break;
            case DataType.Double: tensor.AsSpan<double>().CopyTo(values); break;
            case DataType.Float16: Widen(tensor.AsSpan<Half>(), values, v => (double)v); break;
            case DataType.BFloat16: Widen(tensor.AsSpan<BFloat16>(), values, v => (float)v); break;
            case DataType.Int8: Widen(tensor.AsSpan<sbyte>(), values, v => v); break;
            case DataType.UInt8: Widen(tensor.AsSpan<byte>(), values, v => v); break;
            default: throw context.Fail($"input {name} has element type {tensor.DataType.TypeName()}, which this operator does not accept");
        }
        return values;
    }

    /// <summary>Allocates output <paramref name="index"/> of <paramref name="type"/> and fills it from <paramref name="values"/> (8-bit ints saturate).</summary>
    public static void Write(KernelContext context, int index, DataType type, ReadOnlySpan<long> dims, ReadOnlySpan<double> values)
    {
        switch (type)
        {
            case DataType.Float: Narrow(values, context.Output<float>(index, type, dims), v => (float)v); break;
            case DataType.Double: values.CopyTo(context.Output<double>(index, type, dims)); break;
            case DataType.Float16: Narrow(values, context.Output<Half>(index, type, dims), v => (Half)v); break;
            case DataType.BFloat16: Narrow(values, context.Output<BFloat16>(index, type, dims), v => (BFloat16)(float)v); break;
            case DataType.Int8: Narrow(values, context.Output<sbyte>(index, type, dims), v => (sbyte)System.Math.Clamp(v, sbyte.MinValue, sbyte.MaxValue)); break;
            case DataType.UInt8: Narrow(values, context.Output<byte>(index, type, dims), v => (byte)System.Math.Clamp(v, byte.MinValue, byte.MaxValue)); break;
            default: throw context.Fail($"output {index} cannot have element type {type.TypeName()}");
        }
    }

    private static void Widen<T>(ReadOnlySpan<T> source, Span<double> target, Func<T, double> widen)
    {
        for (int i = 0; i < source.Length; i++)
            target[i] = widen(source[i]);
    }

    private static void Narrow<T>(ReadOnlySpan<double> source, Span<T> target, Func<double, T> narrow)
    {
        for (int i = 0; i < source.Length; i++)
            target[i] = narrow(source[i]);
    }
}
