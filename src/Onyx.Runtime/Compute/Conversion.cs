using System.Numerics;
using System.Runtime.InteropServices;

namespace Onyx.Runtime.Compute;

/// <summary>How a conversion treats what the target type cannot hold (Operators.md, Cast-19 and Cast-24 attributes).</summary>
/// <param name="Saturate">Float8 and E8M0 targets: out-of-range values clamp to the largest finite value instead of becoming NaN or infinity.</param>
/// <param name="E8M0Rounding">How a value rounds to the powers of two of FLOAT8E8M0.</param>
internal readonly record struct ConversionOptions(bool Saturate, Float8E8M0Rounding E8M0Rounding)
{
    /// <summary>The Cast defaults: saturate, round up.</summary>
    public static ConversionOptions Default => new(true, Float8E8M0Rounding.Up);
}

/// <summary>
/// Converts elements between every numeric element type and bool by the rules of Operators.md "Cast", chunk by chunk
/// through one exact intermediate: real types widen to double, which holds each of their values exactly, and integer
/// types and bool widen to the 64-bit two's complement of their value (uint64 keeps its bits, the source's signedness
/// says how to read them).
/// </summary>
internal static class Conversion
{
    /// <summary>Elements per chunk; a multiple of 4, so a chunk of packed 2- or 4-bit elements starts on a byte.</summary>
    private const int ChunkLength = 256;

    /// <summary>2^63 and 2^64, the bounds of the integers a double converts to.</summary>
    private const double TwoTo63 = 9223372036854775808.0;
    private const double TwoTo64 = 18446744073709551616.0;

    /// <summary>True for the real (floating-point) element types.</summary>
    public static bool IsReal(DataType type) => type is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16
        or DataType.Float8E4M3FN or DataType.Float8E4M3FNUZ or DataType.Float8E5M2 or DataType.Float8E5M2FNUZ
        or DataType.Float8E8M0 or DataType.Float4E2M1;

    /// <summary>True for the integer element types and bool.</summary>
    public static bool IsInteger(DataType type) => type is DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Int64
        or DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64 or DataType.Bool
        or DataType.Int4 or DataType.UInt4 or DataType.Int2 or DataType.UInt2;

    /// <summary>True for the element types this class converts (every type but string and the complex types).</summary>
    public static bool Supports(DataType type) => IsReal(type) || IsInteger(type);

    /// <summary>
    /// Converts <paramref name="count"/> elements of <paramref name="from"/> in <paramref name="source"/> (raw layout,
    /// sub-byte types packed) to <paramref name="to"/> in <paramref name="destination"/>, which must be zeroed.
    /// </summary>
    public static void Convert(DataType from, ReadOnlySpan<byte> source, DataType to, Span<byte> destination, long count, ConversionOptions options)
    {
        var scratch = new Scratch(stackalloc double[ChunkLength], stackalloc long[ChunkLength], stackalloc float[ChunkLength], stackalloc byte[ChunkLength]);
        bool unsigned = IsUnsigned(from);
        for (long start = 0; start < count; start += ChunkLength)
        {
            int n = (int)Math.Min(ChunkLength, count - start);
            if (IsReal(from))
            {
                DecodeReals(from, source, start, scratch.Reals[..n], scratch);
                EncodeReals(scratch.Reals[..n], to, destination, start, options, scratch);
            }
            else
            {
                DecodeIntegers(from, source, start, scratch.Integers[..n], scratch);
                EncodeIntegers(scratch.Integers[..n], unsigned, to, destination, start, options, scratch);
            }
        }
    }

    /// <summary>Sets each flag (a bool element, 0 or 1) to whether <paramref name="test"/> holds for the real element it matches.</summary>
    public static void Classify<TTest>(DataType from, ReadOnlySpan<byte> source, Span<byte> flags, TTest test) where TTest : struct, IRealTest
    {
        var scratch = new Scratch(stackalloc double[ChunkLength], stackalloc long[ChunkLength], stackalloc float[ChunkLength], stackalloc byte[ChunkLength]);
        for (int start = 0; start < flags.Length; start += ChunkLength)
        {
            Span<double> values = scratch.Reals[..Math.Min(ChunkLength, flags.Length - start)];
            DecodeReals(from, source, start, values, scratch);
            for (int i = 0; i < values.Length; i++)
                flags[start + i] = test.Holds(values[i]) ? (byte)1 : (byte)0;
        }
    }

    /// <summary>The element values of a real type, widened exactly to double.</summary>
    public static void DecodeReals(DataType from, ReadOnlySpan<byte> source, long start, Span<double> values, Scratch scratch)
    {
        int n = values.Length;
        switch (from)
        {
            case DataType.Double: Elements<double>(source, start, n).CopyTo(values); return;
            case DataType.Float: Widen(Elements<float>(source, start, n), values); return;
            case DataType.Float16: Widen(Elements<Half>(source, start, n), values); return;
        }
        Span<float> singles = scratch.Singles[..n];
        switch (from)
        {
            case DataType.BFloat16: BFloat16.ToSingle(Elements<BFloat16>(source, start, n), singles); break;
            case DataType.Float8E4M3FN: Float8E4M3FN.ToSingle(Elements<Float8E4M3FN>(source, start, n), singles); break;
            case DataType.Float8E4M3FNUZ: Float8E4M3FNUZ.ToSingle(Elements<Float8E4M3FNUZ>(source, start, n), singles); break;
            case DataType.Float8E5M2: Float8E5M2.ToSingle(Elements<Float8E5M2>(source, start, n), singles); break;
            case DataType.Float8E5M2FNUZ: Float8E5M2FNUZ.ToSingle(Elements<Float8E5M2FNUZ>(source, start, n), singles); break;
            case DataType.Float8E8M0: Float8E8M0.ToSingle(Elements<Float8E8M0>(source, start, n), singles); break;
            case DataType.Float4E2M1:
                Span<Float4E2M1> float4 = MemoryMarshal.Cast<byte, Float4E2M1>(scratch.Codes[..n]);
                SubByteElements.UnpackFloat4E2M1(Packed(source, start, 4), float4);
                Float4E2M1.ToSingle(float4, singles);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(from), from, "not a real element type");
        }
        Widen<float>(singles, values);
    }

    /// <summary>The element values of an integer type or bool as 64-bit two's complement (uint64 keeps its bits).</summary>
    public static void DecodeIntegers(DataType from, ReadOnlySpan<byte> source, long start, Span<long> values, Scratch scratch)
    {
        int n = values.Length;
        switch (from)
        {
            case DataType.Int8: Widen(Elements<sbyte>(source, start, n), values); break;
            case DataType.Int16: Widen(Elements<short>(source, start, n), values); break;
            case DataType.Int32: Widen(Elements<int>(source, start, n), values); break;
            case DataType.Int64: Elements<long>(source, start, n).CopyTo(values); break;
            case DataType.UInt8: Widen(Elements<byte>(source, start, n), values); break;
            case DataType.UInt16: Widen(Elements<ushort>(source, start, n), values); break;
            case DataType.UInt32: Widen(Elements<uint>(source, start, n), values); break;
            case DataType.UInt64: Widen(Elements<ulong>(source, start, n), values); break;
            case DataType.Bool:
                ReadOnlySpan<byte> flags = Elements<byte>(source, start, n);
                for (int i = 0; i < n; i++)
                    values[i] = flags[i] != 0 ? 1 : 0;
                break;
            case DataType.Int4:
                Span<Int4> int4 = MemoryMarshal.Cast<byte, Int4>(scratch.Codes[..n]);
                SubByteElements.UnpackInt4(Packed(source, start, 4), int4);
                for (int i = 0; i < n; i++)
                    values[i] = int4[i].Value;
                break;
            case DataType.Int2:
                Span<Int2> int2 = MemoryMarshal.Cast<byte, Int2>(scratch.Codes[..n]);
                SubByteElements.UnpackInt2(Packed(source, start, 2), int2);
                for (int i = 0; i < n; i++)
                    values[i] = int2[i].Value;
                break;
            case DataType.UInt4 or DataType.UInt2:
                Span<byte> codes = scratch.Codes[..n];
                if (from == DataType.UInt4)
                    SubByteElements.Unpack4Bit(Packed(source, start, 4), codes);
                else
                    SubByteElements.Unpack2Bit(Packed(source, start, 2), codes);
                Widen<byte>(codes, values);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(from), from, "not an integer element type");
        }
    }

    /// <summary>Writes real values as <paramref name="to"/> elements from element <paramref name="start"/> on.</summary>
    public static void EncodeReals(ReadOnlySpan<double> values, DataType to, Span<byte> destination, long start, ConversionOptions options, Scratch scratch)
    {
        int n = values.Length;
        switch (to)
        {
            case DataType.Double: values.CopyTo(Elements<double>(destination, start, n)); return;
            case DataType.Float: Narrow(values, Elements<float>(destination, start, n)); return;
            case DataType.Float16: Narrow(values, Elements<Half>(destination, start, n)); return;
            case DataType.Bool:
                // Operators.md, Cast: +/-0.0 to False, all else (NaN included) to True.
                Span<byte> flags = Elements<byte>(destination, start, n);
                for (int i = 0; i < n; i++)
                    flags[i] = values[i] != 0 ? (byte)1 : (byte)0;
                return;
        }
        if (IsInteger(to))
        {
            Span<long> integers = scratch.Integers[..n];
            for (int i = 0; i < n; i++)
                integers[i] = IntegerBits(values[i], to);
            EncodeIntegers(integers, false, to, destination, start, options, scratch);
            return;
        }
        Span<float> singles = scratch.Singles[..n];
        for (int i = 0; i < n; i++)
            singles[i] = ToSingleRoundingToOdd(values[i]);
        switch (to)
        {
            case DataType.BFloat16: BFloat16.FromSingle(singles, Elements<BFloat16>(destination, start, n)); break;
            case DataType.Float8E4M3FN: Float8E4M3FN.FromSingle(singles, Elements<Float8E4M3FN>(destination, start, n), options.Saturate); break;
            case DataType.Float8E4M3FNUZ: Float8E4M3FNUZ.FromSingle(singles, Elements<Float8E4M3FNUZ>(destination, start, n), options.Saturate); break;
            case DataType.Float8E5M2:
                Span<Float8E5M2> e5m2 = Elements<Float8E5M2>(destination, start, n);
                Float8E5M2.FromSingle(singles, e5m2, options.Saturate);
                KeepNaNPayloads(singles, MemoryMarshal.AsBytes(e5m2));
                break;
            case DataType.Float8E5M2FNUZ: Float8E5M2FNUZ.FromSingle(singles, Elements<Float8E5M2FNUZ>(destination, start, n), options.Saturate); break;
            case DataType.Float8E8M0: Float8E8M0.FromSingle(singles, Elements<Float8E8M0>(destination, start, n), options.Saturate, options.E8M0Rounding); break;
            case DataType.Float4E2M1:
                Span<Float4E2M1> float4 = MemoryMarshal.Cast<byte, Float4E2M1>(scratch.Codes[..n]);
                Float4E2M1.FromSingle(singles, float4);
                SubByteElements.PackFloat4E2M1(float4, Packed(destination, start, 4));
                break;
            default: throw new ArgumentOutOfRangeException(nameof(to), to, "not a convertible element type");
        }
    }

    /// <summary>
    /// Writes 64-bit two's complement values (read as unsigned when <paramref name="unsigned"/>) as
    /// <paramref name="to"/> elements from element <paramref name="start"/> on.
    /// </summary>
    public static void EncodeIntegers(ReadOnlySpan<long> values, bool unsigned, DataType to, Span<byte> destination, long start, ConversionOptions options, Scratch scratch)
    {
        int n = values.Length;
        // Operators.md, Cast: fixed point to fixed point discards the higher bits and reinterprets.
        switch (to)
        {
            case DataType.Int8: Narrow(values, Elements<sbyte>(destination, start, n)); return;
            case DataType.Int16: Narrow(values, Elements<short>(destination, start, n)); return;
            case DataType.Int32: Narrow(values, Elements<int>(destination, start, n)); return;
            case DataType.Int64: values.CopyTo(Elements<long>(destination, start, n)); return;
            case DataType.UInt8: Narrow(values, Elements<byte>(destination, start, n)); return;
            case DataType.UInt16: Narrow(values, Elements<ushort>(destination, start, n)); return;
            case DataType.UInt32: Narrow(values, Elements<uint>(destination, start, n)); return;
            case DataType.UInt64: Narrow(values, Elements<ulong>(destination, start, n)); return;
            case DataType.Bool:
                Span<byte> flags = Elements<byte>(destination, start, n);
                for (int i = 0; i < n; i++)
                    flags[i] = values[i] != 0 ? (byte)1 : (byte)0;
                return;
            case DataType.Int4 or DataType.UInt4 or DataType.Int2 or DataType.UInt2:
                // The packers keep each code's low bits: the two's complement truncation of the value.
                Span<byte> codes = scratch.Codes[..n];
                Narrow(values, codes);
                if (to.BitsPerElement() == 4)
                    SubByteElements.Pack4Bit(codes, Packed(destination, start, 4));
                else
                    SubByteElements.Pack2Bit(codes, Packed(destination, start, 2));
                return;
            case DataType.Float:
                // Converted directly: through double a large 64-bit integer would be rounded twice.
                Span<float> singles = Elements<float>(destination, start, n);
                for (int i = 0; i < n; i++)
                    singles[i] = unsigned ? (ulong)values[i] : values[i];
                return;
        }
        Span<double> reals = scratch.Reals[..n];
        for (int i = 0; i < n; i++)
            reals[i] = unsigned ? (ulong)values[i] : values[i];
        EncodeReals(reals, to, destination, start, options, scratch);
    }

    /// <summary>True for the unsigned integer types, whose 64-bit intermediate is read as unsigned.</summary>
    public static bool IsUnsigned(DataType type) => type is DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64
        or DataType.UInt4 or DataType.UInt2 or DataType.Bool;

    /// <summary>
    /// The 64-bit two's complement a real value converts to for the integer type <paramref name="to"/>: fixed-point
    /// targets truncate toward zero, as C and numpy do; the 4- and 2-bit integers round to nearest, ties to even
    /// (int4.md, int2.md "Cast"). Encoding then keeps the low bits, as for integer sources.
    /// </summary>
    public static long IntegerBits(double value, DataType to) =>
        LowBits(to.BitsPerElement() < 8 ? Math.Round(value, MidpointRounding.ToEven) : Math.Truncate(value));

    /// <summary>
    /// The low 64 bits of the two's complement of the whole number <paramref name="integral"/>. Values from 2^63 to
    /// 2^64 keep their unsigned bits (uint64 targets); the spec leaves NaN and other out-of-range values undefined: 0.
    /// </summary>
    private static long LowBits(double integral) => integral switch
    {
        > -TwoTo63 and < TwoTo63 => (long)integral,
        >= TwoTo63 and < TwoTo64 => (long)(ulong)integral,
        _ => 0,
    };

    /// <summary>
    /// Narrows to float rounding to odd: truncate, then set the lowest mantissa bit when inexact. Rounding that float
    /// again to any format of at most 21 mantissa bits gives the correctly rounded result, with no double rounding.
    /// </summary>
    public static float ToSingleRoundingToOdd(double value)
    {
        float nearest = (float)value;
        if (nearest == value || double.IsNaN(value))
            return nearest;
        // Step back to the float on value's side of zero below |value|; infinity steps back to float.MaxValue.
        float truncated = Math.Abs((double)nearest) > Math.Abs(value) ? MathF.BitDecrement(Math.Abs(nearest)) * Math.Sign(value) : nearest;
        return BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(truncated) | 1);
    }

    /// <summary>
    /// E5M2 narrows a NaN as IEEE 754 formats do (and as BFloat16 does here): the sign and the upper payload bits stay,
    /// with the quiet bit set, so float32's default NaN becomes <c>0x7E</c>, the code the ONNX reference produces.
    /// </summary>
    private static void KeepNaNPayloads(ReadOnlySpan<float> values, Span<byte> codes)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (float.IsNaN(values[i]))
            {
                uint bits = BitConverter.SingleToUInt32Bits(values[i]);
                codes[i] = (byte)(((bits >> 24) & 0x80) | 0x7E | ((bits >> 21) & 1));
            }
        }
    }

    /// <summary>The <paramref name="count"/> elements from element <paramref name="start"/> of a byte-aligned type.</summary>
    private static ReadOnlySpan<T> Elements<T>(ReadOnlySpan<byte> bytes, long start, int count) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(bytes).Slice(checked((int)start), count);

    private static Span<T> Elements<T>(Span<byte> bytes, long start, int count) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(bytes).Slice(checked((int)start), count);

    /// <summary>The packed bytes from element <paramref name="start"/> on (a multiple of the elements per byte).</summary>
    private static ReadOnlySpan<byte> Packed(ReadOnlySpan<byte> bytes, long start, int bits) => bytes[checked((int)(start * bits / 8))..];

    private static Span<byte> Packed(Span<byte> bytes, long start, int bits) => bytes[checked((int)(start * bits / 8))..];

    private static void Widen<T>(ReadOnlySpan<T> source, Span<double> destination) where T : INumberBase<T>
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = double.CreateTruncating(source[i]);
    }

    private static void Widen<T>(ReadOnlySpan<T> source, Span<long> destination) where T : IBinaryInteger<T>
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = long.CreateTruncating(source[i]);
    }

    private static void Narrow<T>(ReadOnlySpan<double> source, Span<T> destination) where T : INumberBase<T>
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = T.CreateTruncating(source[i]);
    }

    private static void Narrow<T>(ReadOnlySpan<long> source, Span<T> destination) where T : IBinaryInteger<T>
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = T.CreateTruncating(source[i]);
    }

    /// <summary>Stack buffers of one chunk, shared by the decode and encode steps.</summary>
    internal readonly ref struct Scratch(Span<double> reals, Span<long> integers, Span<float> singles, Span<byte> codes)
    {
        public Span<double> Reals { get; } = reals;

        public Span<long> Integers { get; } = integers;

        public Span<float> Singles { get; } = singles;

        public Span<byte> Codes { get; } = codes;
    }
}

/// <summary>A property of a real value, tested by <see cref="Conversion.Classify"/>.</summary>
internal interface IRealTest
{
    bool Holds(double value);
}
