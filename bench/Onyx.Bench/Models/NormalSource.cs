using System.Runtime.InteropServices;

namespace Onyx.Bench.Models;

/// <summary>
/// A deterministic source of pseudo-random floats (SplitMix64 for the bits, Box–Muller for normals), so that a
/// benchmark model and its inputs are the same bytes on every machine and every .NET version.
/// </summary>
internal sealed class NormalSource(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A uniform value in [0, 1).</summary>
    public double NextUniform()
    {
        _state += 0x9E3779B97F4A7C15UL;
        ulong z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A uniform integer in [0, <paramref name="limit"/>).</summary>
    public long NextInteger(long limit) => (long)(NextUniform() * limit);

    /// <summary>
    /// A FLOAT tensor of the given dims whose elements are normal with mean <paramref name="mean"/> and standard
    /// deviation <paramref name="std"/>.
    /// </summary>
    public Tensor Normal(float std, long[] dims, float mean = 0f)
    {
        var bytes = new byte[checked((int)(ElementCount(dims) * sizeof(float)))];
        Span<float> values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan());
        for (int i = 0; i < values.Length; i += 2)
        {
            double radius = Math.Sqrt(-2 * Math.Log(1 - NextUniform()));
            double angle = 2 * Math.PI * NextUniform();
            values[i] = mean + std * (float)(radius * Math.Cos(angle));
            if (i + 1 < values.Length)
                values[i + 1] = mean + std * (float)(radius * Math.Sin(angle));
        }
        return new Tensor(DataType.Float, dims, bytes);
    }

    /// <summary>A FLOAT tensor of the given dims whose elements are uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public Tensor Uniform(float low, float high, long[] dims)
    {
        var values = new float[ElementCount(dims)];
        for (int i = 0; i < values.Length; i++)
            values[i] = low + (high - low) * (float)NextUniform();
        return Tensor.FromArray(values, dims);
    }

    private static long ElementCount(long[] dims)
    {
        long count = 1;
        foreach (long d in dims)
            count = checked(count * d);
        return count;
    }
}
