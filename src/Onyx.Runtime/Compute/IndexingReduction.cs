using System.Numerics;
using System.Runtime.InteropServices;

namespace Onyx.Runtime.Compute;

/// <summary>How a scatter combines an update with the value already at its position (ScatterElements and ScatterND 'reduction').</summary>
internal enum ScatterReduction
{
    None,
    Add,
    Mul,
    Max,
    Min,
}

/// <summary>Combines updates into scattered positions, element by element, for every numeric type and bool.</summary>
internal static class IndexingReduction
{
    /// <summary>The reduction an attribute value names, or null for an unknown name.</summary>
    public static ScatterReduction? Parse(string name) => name switch
    {
        "none" => ScatterReduction.None,
        "add" => ScatterReduction.Add,
        "mul" => ScatterReduction.Mul,
        "max" => ScatterReduction.Max,
        "min" => ScatterReduction.Min,
        _ => null,
    };

    /// <summary>True when <paramref name="type"/>'s values can be combined (numbers and bool; not strings or complex numbers).</summary>
    public static bool Supports(DataType type) => type is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16
        or DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Int64
        or DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64 or DataType.Bool;

    /// <summary>Replaces each element of <paramref name="destination"/> by its combination with the matching update.</summary>
    public static void Apply(ScatterReduction reduction, DataType type, Span<byte> destination, ReadOnlySpan<byte> updates)
    {
        switch (type)
        {
            case DataType.Float: Combine<float>(reduction, destination, updates); break;
            case DataType.Double: Combine<double>(reduction, destination, updates); break;
            case DataType.Float16: Combine<Half>(reduction, destination, updates); break;
            case DataType.Int8: Combine<sbyte>(reduction, destination, updates); break;
            case DataType.Int16: Combine<short>(reduction, destination, updates); break;
            case DataType.Int32: Combine<int>(reduction, destination, updates); break;
            case DataType.Int64: Combine<long>(reduction, destination, updates); break;
            case DataType.UInt8: Combine<byte>(reduction, destination, updates); break;
            case DataType.UInt16: Combine<ushort>(reduction, destination, updates); break;
            case DataType.UInt32: Combine<uint>(reduction, destination, updates); break;
            case DataType.UInt64: Combine<ulong>(reduction, destination, updates); break;
            case DataType.BFloat16:
                // Computed in float and rounded back, as bfloat16 arithmetic is.
                Span<BFloat16> x = MemoryMarshal.Cast<byte, BFloat16>(destination);
                ReadOnlySpan<BFloat16> y = MemoryMarshal.Cast<byte, BFloat16>(updates);
                for (int i = 0; i < x.Length; i++)
                    x[i] = (BFloat16)Combine(reduction, (float)x[i], (float)y[i]);
                break;
            case DataType.Bool:
                // As numpy on bools: add and max are 'or', mul and min are 'and'.
                for (int i = 0; i < destination.Length; i++)
                    destination[i] = reduction is ScatterReduction.Add or ScatterReduction.Max
                        ? (byte)(destination[i] | updates[i]) : (byte)(destination[i] & updates[i]);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "not a type whose values combine");
        }
    }

    private static void Combine<T>(ScatterReduction reduction, Span<byte> destination, ReadOnlySpan<byte> updates) where T : unmanaged, INumber<T>
    {
        Span<T> x = MemoryMarshal.Cast<byte, T>(destination);
        ReadOnlySpan<T> y = MemoryMarshal.Cast<byte, T>(updates);
        for (int i = 0; i < x.Length; i++)
            x[i] = Combine(reduction, x[i], y[i]);
    }

    /// <summary>Integers wrap on overflow; max and min propagate NaN, as numpy's maximum and minimum do.</summary>
    private static T Combine<T>(ScatterReduction reduction, T x, T y) where T : INumber<T> => reduction switch
    {
        ScatterReduction.Add => x + y,
        ScatterReduction.Mul => x * y,
        ScatterReduction.Max => T.Max(x, y),
        ScatterReduction.Min => T.Min(x, y),
        _ => y,
    };
}
