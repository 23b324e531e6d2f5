namespace Onyx.Tests.Runtime.ReduceKernels;

/// <summary>Tensors of any numeric element type made from and read back as doubles, so one test covers every type.</summary>
internal static class TestTensors
{
    public static readonly DataType[] NumericTypes =
    [
        DataType.Float, DataType.Double, DataType.Float16, DataType.BFloat16, DataType.Int8, DataType.Int16, DataType.Int32,
        DataType.Int64, DataType.UInt8, DataType.UInt16, DataType.UInt32, DataType.UInt64,
    ];

    public static Tensor Make(DataType type, double[] values, params long[] dims) => type switch
    {
        DataType.Float => Tensor.FromArray(values.Select(v => (float)v).ToArray(), dims),
        DataType.Double => Tensor.FromArray(values, dims),
        DataType.Float16 => Tensor.FromArray(values.Select(v => (Half)v).ToArray(), dims),
        DataType.BFloat16 => Tensor.FromArray(values.Select(v => (BFloat16)(float)v).ToArray(), dims),
        DataType.Int8 => Tensor.FromArray(values.Select(v => (sbyte)v).ToArray(), dims),
        DataType.Int16 => Tensor.FromArray(values.Select(v => (short)v).ToArray(), dims),
        DataType.Int32 => Tensor.FromArray(values.Select(v => (int)v).ToArray(), dims),
        DataType.Int64 => Tensor.FromArray(values.Select(v => (long)v).ToArray(), dims),
        DataType.UInt8 => Tensor.FromArray(values.Select(v => (byte)v).ToArray(), dims),
        DataType.UInt16 => Tensor.FromArray(values.Select(v => (ushort)v).ToArray(), dims),
        DataType.UInt32 => Tensor.FromArray(values.Select(v => (uint)v).ToArray(), dims),
        DataType.UInt64 => Tensor.FromArray(values.Select(v => (ulong)v).ToArray(), dims),
        DataType.Bool => Tensor.FromArray(values.Select(v => v != 0).ToArray(), dims),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static double[] Read(Tensor t) => t.DataType switch
    {
        DataType.Float => [.. t.ToArray<float>().Select(v => (double)v)],
        DataType.Double => t.ToArray<double>(),
        DataType.Float16 => [.. t.ToArray<Half>().Select(v => (double)v)],
        DataType.BFloat16 => [.. t.ToArray<BFloat16>().Select(v => (double)v)],
        DataType.Int8 => [.. t.ToArray<sbyte>().Select(v => (double)v)],
        DataType.Int16 => [.. t.ToArray<short>().Select(v => (double)v)],
        DataType.Int32 => [.. t.ToArray<int>().Select(v => (double)v)],
        DataType.Int64 => [.. t.ToArray<long>().Select(v => (double)v)],
        DataType.UInt8 => [.. t.ToArray<byte>().Select(v => (double)v)],
        DataType.UInt16 => [.. t.ToArray<ushort>().Select(v => (double)v)],
        DataType.UInt32 => [.. t.ToArray<uint>().Select(v => (double)v)],
        DataType.UInt64 => [.. t.ToArray<ulong>().Select(v => (double)v)],
        DataType.Bool => [.. t.ToArray<bool>().Select(v => v ? 1.0 : 0.0)],
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    public static Tensor Axes(params long[] axes) => Tensor.FromArray(axes, axes.Length);

    public static void Close(double[] expected, double[] actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(System.Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + System.Math.Abs(expected[i])) || expected[i].Equals(actual[i]), $"at {i}: expected {expected[i]}, got {actual[i]}");
    }
}
