using System.Globalization;

namespace Onyx;

/// <summary>
/// The ONNX FLOAT8E5M2 element: 1 sign bit, 5 exponent bits (bias 15) and 2 mantissa bits, laid out like IEEE 754:
/// signed zeros, infinities (<c>S.11111.00</c>) and NaNs (<c>S.11111.{01,10,11}</c>). Its finite range is ±57344 and
/// its smallest subnormal is 2^-16.
/// </summary>
public readonly struct Float8E5M2 : IEquatable<Float8E5M2>
{
    private const int MantissaBits = 2;
    private const int Bias = 15;
    private const byte MaxMagnitude = 0x7B;
    private const byte InfinityMagnitude = 0x7C;
    private const byte NaNMagnitude = 0x7F;

    private static readonly Float8Format Format = new(MantissaBits, Bias, MaxMagnitude, Float8Specials.Infinities);

    private readonly byte _bits;

    private Float8E5M2(byte bits) => _bits = bits;

    /// <summary>The largest finite value, 57344 (<c>0x7B</c>).</summary>
    public static Float8E5M2 MaxValue => new(MaxMagnitude);

    /// <summary>The most negative finite value, -57344 (<c>0xFB</c>).</summary>
    public static Float8E5M2 MinValue => new(0x80 | MaxMagnitude);

    /// <summary>The smallest positive value, the subnormal 2^-16 (<c>0x01</c>).</summary>
    public static Float8E5M2 Epsilon => new(0x01);

    /// <summary>Positive infinity, <c>0x7C</c>.</summary>
    public static Float8E5M2 PositiveInfinity => new(InfinityMagnitude);

    /// <summary>Negative infinity, <c>0xFC</c>.</summary>
    public static Float8E5M2 NegativeInfinity => new(0x80 | InfinityMagnitude);

    /// <summary>The NaN this type produces, <c>0x7F</c>; <c>0x7D</c>, <c>0x7E</c> and their negatives are NaN too.</summary>
    public static Float8E5M2 NaN => new(NaNMagnitude);

    /// <summary>The stored bit pattern.</summary>
    public byte Bits => _bits;

    /// <summary>True for the six NaN codes (exponent all ones, mantissa nonzero).</summary>
    public bool IsNaN => (_bits & 0x7F) > InfinityMagnitude;

    /// <summary>True for <c>0x7C</c> and <c>0xFC</c>.</summary>
    public bool IsInfinity => (_bits & 0x7F) == InfinityMagnitude;

    /// <summary>Reinterprets a bit pattern; every byte is a valid code.</summary>
    public static Float8E5M2 FromBits(byte bits) => new(bits);

    /// <summary>
    /// Converts as ONNX Cast does (float8.md, "Cast"): rounds to the nearest value, ties to even. With
    /// <paramref name="saturate"/> (the Cast default) infinities and values whose rounding exceeds 57344 in magnitude
    /// become ±57344; without it they become infinity of the same sign. NaN gives <c>0x7F</c> or <c>0xFF</c> after its
    /// sign; -0 stays -0.
    /// </summary>
    public static Float8E5M2 FromSingle(float value, bool saturate = true) => new(Format.Encode(value, saturate));

    /// <summary>Converts every element exactly (infinities stay infinite, NaNs give NaN); lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void ToSingle(ReadOnlySpan<Float8E5M2> source, Span<float> destination) =>
        Format.ToSingle(Float8Format.Codes(source), destination);

    /// <summary>Converts every element as <see cref="FromSingle(float, bool)"/> does; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void FromSingle(ReadOnlySpan<float> source, Span<Float8E5M2> destination, bool saturate = true) =>
        Format.FromSingle(source, Float8Format.Codes(destination), saturate);

    /// <summary>Exact conversion; infinities stay infinite and the NaN codes give NaN.</summary>
    public static explicit operator float(Float8E5M2 value) => Format.Values[value._bits];

    /// <summary>Exact conversion; infinities stay infinite and the NaN codes give NaN.</summary>
    public static explicit operator double(Float8E5M2 value) => Format.Values[value._bits];

    /// <summary>Converts with the Cast default, saturating: <c>FromSingle(value, saturate: true)</c>.</summary>
    public static explicit operator Float8E5M2(float value) => FromSingle(value);

    /// <summary>Bitwise equality: NaN equals a NaN with the same bits, and +0 differs from -0.</summary>
    public bool Equals(Float8E5M2 other) => _bits == other._bits;

    /// <summary>Bitwise equality, as <see cref="Equals(Float8E5M2)"/>.</summary>
    public override bool Equals(object? obj) => obj is Float8E5M2 other && Equals(other);

    /// <summary>A hash of the bit pattern.</summary>
    public override int GetHashCode() => _bits;

    /// <summary>The float value, formatted with the invariant culture.</summary>
    public override string ToString() => Format.Values[_bits].ToString(CultureInfo.InvariantCulture);
}
