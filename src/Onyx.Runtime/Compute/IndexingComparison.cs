using System.Numerics;
using System.Runtime.InteropServices;

namespace Onyx.Runtime.Compute;

/// <summary>
/// Orders the equal-length slices of a tensor (slice i holds elements [i·length, (i + 1)·length)) lexicographically by
/// value: numbers numerically (NaN equals NaN and sorts last; -0 equals +0), bool as 0 and 1, strings by their UTF-8
/// bytes (code point order), complex numbers by real part, then imaginary part.
/// </summary>
internal static class IndexingComparison
{
    /// <summary>True for the element types <see cref="OfSlices"/> orders.</summary>
    public static bool Supports(DataType type) => type is DataType.String or DataType.Bool or DataType.Float or DataType.Double
        or DataType.Float16 or DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Int64 or DataType.UInt8
        or DataType.UInt16 or DataType.UInt32 or DataType.UInt64 or DataType.Complex64 or DataType.Complex128;

    public static Comparison<long> OfSlices(Tensor tensor, long length) => tensor.DataType switch
    {
        DataType.String => Strings(tensor.Strings, length),
        DataType.Float => Numbers<float>(tensor.RawData, length),
        DataType.Double => Numbers<double>(tensor.RawData, length),
        DataType.Float16 => Numbers<Half>(tensor.RawData, length),
        DataType.Int8 => Numbers<sbyte>(tensor.RawData, length),
        DataType.Int16 => Numbers<short>(tensor.RawData, length),
        DataType.Int32 => Numbers<int>(tensor.RawData, length),
        DataType.Int64 => Numbers<long>(tensor.RawData, length),
        DataType.UInt8 or DataType.Bool => Numbers<byte>(tensor.RawData, length),
        DataType.UInt16 => Numbers<ushort>(tensor.RawData, length),
        DataType.UInt32 => Numbers<uint>(tensor.RawData, length),
        DataType.UInt64 => Numbers<ulong>(tensor.RawData, length),
        // A complex number is a (real, imaginary) pair: comparing pairs in turn is the lexicographic order.
        DataType.Complex64 => Numbers<float>(tensor.RawData, 2 * length),
        DataType.Complex128 => Numbers<double>(tensor.RawData, 2 * length),
        var type => throw new ArgumentOutOfRangeException(nameof(tensor), type, "no order for this element type"),
    };

    private static Comparison<long> Numbers<T>(ReadOnlyMemory<byte> bytes, long length) where T : unmanaged, INumber<T> => (a, b) =>
    {
        ReadOnlySpan<T> values = MemoryMarshal.Cast<byte, T>(bytes.Span);
        ReadOnlySpan<T> x = values.Slice((int)(a * length), (int)length), y = values.Slice((int)(b * length), (int)length);
        for (int i = 0; i < x.Length; i++)
        {
            // NaN sorts after every number, as in numpy; .NET's CompareTo would put it first.
            int order = T.IsNaN(x[i]) ? (T.IsNaN(y[i]) ? 0 : 1) : T.IsNaN(y[i]) ? -1 : x[i].CompareTo(y[i]);
            if (order != 0)
                return order;
        }
        return 0;
    };

    private static Comparison<long> Strings(List<byte[]> strings, long length) => (a, b) =>
    {
        for (long i = 0; i < length; i++)
        {
            int order = strings[(int)(a * length + i)].AsSpan().SequenceCompareTo(strings[(int)(b * length + i)]);
            if (order != 0)
                return order;
        }
        return 0;
    };
}
