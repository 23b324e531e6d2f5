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

    private static readonly Float8Format Format = new(MantissaBits, Bias, MaxMagnitude, Float8Specials.UnsignedZero);

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
    public static Float8E5M2FNUZ FromSingle(float value, bool saturate = true) => new(Format.Encode(value, saturate));

    /// <summary>Converts every element exactly (the NaN code gives NaN); lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void ToSingle(ReadOnlySpan<Float8E5M2FNUZ> source, Span<float> destination) =>
        Format.ToSingle(Float8Format.Codes(source), destination);

    /// <summary>Converts every element as <see cref="FromSingle(float, bool)"/> does; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void FromSingle(ReadOnlySpan<float> source, Span<Float8E5M2FNUZ> destination, bool saturate = true) =>
        Format.FromSingle(source, Float8Format.Codes(destination), saturate);

    /// <summary>Exact conversion; the NaN code gives NaN.</summary>
    public static explicit operator float(Float8E5M2FNUZ value) => Format.Values[value._bits];

    /// <summary>Exact conversion; the NaN code gives NaN.</summary>
    public static explicit operator double(Float8E5M2FNUZ value) => Format.Values[value._bits];

    /// <summary>Converts with the Cast default, saturating: <c>FromSingle(value, saturate: true)</c>.</summary>
    public static explicit operator Float8E5M2FNUZ(float value) => FromSingle(value);

    /// <summary>Bitwise equality: the NaN equals itself.</summary>
    public bool Equals(Float8E5M2FNUZ other) => _bits == other._bits;

    /// <summary>Bitwise equality, as <see cref="Equals(Float8E5M2FNUZ)"/>.</summary>
    public override bool Equals(object? obj) => obj is Float8E5M2FNUZ other && Equals(other);

    /// <summary>A hash of the bit pattern.</summary>
    public override int GetHashCode() => _bits;

    /// <summary>The float value, formatted with the invariant culture.</summary>
    public override string ToString() => Format.Values[_bits].ToString(CultureInfo.InvariantCulture);
}
