using System.Globalization;

namespace Onyx;

/// <summary>
/// The ONNX FLOAT8E5M2FNUZ element: 1 sign bit, 5 exponent bits (bias 16) and 2 mantissa bits. It has a single zero
/// (<c>0x00</c>), a single NaN (<c>0x80</c>, the would-be negative zero) and no infinities; its finite range is ±57344
/// and its smallest subnormal is 2^-17.
/// </summary>
public readonly struct Float8E5M2FNUZ : IEquatable<Float8E5M2FNUZ>
{
    private const int MantissaBits = 2;
    private const int Bias = 16;
    private const byte MaxMagnitude = 0x7F;
    private const byte NaNBits = 0x80;

    private static readonly float[] s_values = CreateValues();

    private readonly byte _bits;

    private Float8E5M2FNUZ(byte bits) => _bits = bits;

    /// <summary>The largest finite value, 57344 (<c>0x7F</c>).</summary>
    public static Float8E5M2FNUZ MaxValue => new(MaxMagnitude);

    /// <summary>The most negative finite value, -57344 (<c>0xFF</c>).</summary>
    public static Float8E5M2FNUZ MinValue => new(0x80 | MaxMagnitude);

    /// <summary>The smallest positive value, the subnormal 2^-17 (<c>0x01</c>).</summary>
    public static Float8E5M2FNUZ Epsilon => new(0x01);

    /// <summary>The only NaN, <c>0x80</c>.</summary>
    public static Float8E5M2FNUZ NaN => new(NaNBits);

    /// <summary>The stored bit pattern.</summary>
    public byte Bits => _bits;

    /// <summary>True for the NaN code <c>0x80</c>.</summary>
    public bool IsNaN => _bits == NaNBits;

    /// <summary>Reinterprets a bit pattern; every byte is a valid code.</summary>
    public static Float8E5M2FNUZ FromBits(byte bits) => new(bits);

    /// <summary>
    /// Converts as ONNX Cast does (Operators.md, Cast): rounds to the nearest value, ties to even; -0 and every value
    /// that rounds to zero give +0. With <paramref name="saturate"/> (the Cast default) infinities and values whose
    /// rounding exceeds 57344 in magnitude become ±57344; without it they become NaN. NaN of either sign gives NaN.
    /// </summary>
    public static Float8E5M2FNUZ FromSingle(float value, bool saturate = true)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        uint magnitude = bits & 0x7FFFFFFF;
        if (magnitude > 0x7F800000)
        {
            return NaN;
        }

        uint code = MiniFloat.RoundMagnitude(magnitude, MantissaBits, Bias);
        if (code > MaxMagnitude)
        {
            return saturate ? new((byte)(((bits >> 24) & 0x80) | MaxMagnitude)) : NaN;
        }

        // No negative zero: the sign is dropped from a zero result.
        return new((byte)(code == 0 ? 0 : ((bits >> 24) & 0x80) | code));
    }

    /// <summary>Converts every element exactly (the NaN code gives NaN); lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void ToSingle(ReadOnlySpan<Float8E5M2FNUZ> source, Span<float> destination)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        float[] values = s_values;
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = values[source[i]._bits];
        }
    }

    /// <summary>Converts every element as <see cref="FromSingle(float, bool)"/> does; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void FromSingle(ReadOnlySpan<float> source, Span<Float8E5M2FNUZ> destination, bool saturate = true)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = FromSingle(source[i], saturate);
        }
    }

    /// <summary>Exact conversion; the NaN code gives NaN.</summary>
    public static explicit operator float(Float8E5M2FNUZ value) => s_values[value._bits];

    /// <summary>Exact conversion; the NaN code gives NaN.</summary>
    public static explicit operator double(Float8E5M2FNUZ value) => s_values[value._bits];

    /// <summary>Converts with the Cast default, saturating: <c>FromSingle(value, saturate: true)</c>.</summary>
    public static explicit operator Float8E5M2FNUZ(float value) => FromSingle(value);

    /// <summary>Bitwise equality: the NaN equals itself.</summary>
    public bool Equals(Float8E5M2FNUZ other) => _bits == other._bits;

    /// <summary>Bitwise equality, as <see cref="Equals(Float8E5M2FNUZ)"/>.</summary>
    public override bool Equals(object? obj) => obj is Float8E5M2FNUZ other && Equals(other);

    /// <summary>A hash of the bit pattern.</summary>
    public override int GetHashCode() => _bits;

    /// <summary>The float value, formatted with the invariant culture.</summary>
    public override string ToString() => s_values[_bits].ToString(CultureInfo.InvariantCulture);

    private static float[] CreateValues()
    {
        var values = new float[256];
        for (int code = 0; code < 256; code++)
        {
            values[code] = code == NaNBits
                ? float.NaN
                : (code >= 0x80 ? -1 : 1) * MiniFloat.Decode(code & 0x7F, MantissaBits, Bias);
        }

        return values;
    }
}
