using System.Globalization;

namespace Onyx;

/// <summary>
/// The ONNX FLOAT8E4M3FN element: 1 sign bit, 4 exponent bits (bias 7) and 3 mantissa bits. It has signed zeros and
/// NaN (<c>S.1111.111</c>) but no infinities; its finite range is ±448 and its smallest subnormal is 2^-9.
/// </summary>
public readonly struct Float8E4M3FN : IEquatable<Float8E4M3FN>
{
    private const int MantissaBits = 3;
    private const int Bias = 7;
    private const byte MaxMagnitude = 0x7E;
    private const byte NaNMagnitude = 0x7F;

    private static readonly Float8Format Format = new(MantissaBits, Bias, MaxMagnitude, Float8Specials.NaNOnly);

    private readonly byte _bits;

    private Float8E4M3FN(byte bits) => _bits = bits;

    /// <summary>The largest finite value, 448 (<c>0x7E</c>).</summary>
    public static Float8E4M3FN MaxValue => new(MaxMagnitude);

    /// <summary>The most negative finite value, -448 (<c>0xFE</c>).</summary>
    public static Float8E4M3FN MinValue => new(0x80 | MaxMagnitude);

    /// <summary>The smallest positive value, the subnormal 2^-9 (<c>0x01</c>).</summary>
    public static Float8E4M3FN Epsilon => new(0x01);

    /// <summary>The canonical NaN, <c>0x7F</c>; <c>0xFF</c> is the other NaN.</summary>
    public static Float8E4M3FN NaN => new(NaNMagnitude);

    /// <summary>The stored bit pattern.</summary>
    public byte Bits => _bits;

    /// <summary>True for the two NaN codes, <c>0x7F</c> and <c>0xFF</c>.</summary>
    public bool IsNaN => (_bits & 0x7F) == NaNMagnitude;

    /// <summary>Reinterprets a bit pattern; every byte is a valid code.</summary>
    public static Float8E4M3FN FromBits(byte bits) => new(bits);

    /// <summary>
    /// Converts as ONNX Cast does (float8.md, "Cast"): rounds to the nearest value, ties to even. With
    /// <paramref name="saturate"/> (the Cast default) infinities and values whose rounding exceeds 448 in magnitude
    /// become ±448; without it they become NaN of the same sign. NaN stays NaN with its sign; -0 stays -0.
    /// </summary>
    public static Float8E4M3FN FromSingle(float value, bool saturate = true) => new(Format.Encode(value, saturate));

    /// <summary>Converts every element exactly (NaN codes give NaN); lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void ToSingle(ReadOnlySpan<Float8E4M3FN> source, Span<float> destination) =>
        Format.ToSingle(Float8Format.Codes(source), destination);

    /// <summary>Converts every element as <see cref="FromSingle(float, bool)"/> does; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void FromSingle(ReadOnlySpan<float> source, Span<Float8E4M3FN> destination, bool saturate = true) =>
        Format.FromSingle(source, Float8Format.Codes(destination), saturate);

    /// <summary>Exact conversion; the NaN codes give NaN.</summary>
    public static explicit operator float(Float8E4M3FN value) => Format.Values[value._bits];

    /// <summary>Exact conversion; the NaN codes give NaN.</summary>
    public static explicit operator double(Float8E4M3FN value) => Format.Values[value._bits];

    /// <summary>Converts with the Cast default, saturating: <c>FromSingle(value, saturate: true)</c>.</summary>
    public static explicit operator Float8E4M3FN(float value) => FromSingle(value);

    /// <summary>Bitwise equality: NaN equals a NaN with the same bits, and +0 differs from -0.</summary>
    public bool Equals(Float8E4M3FN other) => _bits == other._bits;

    /// <summary>Bitwise equality, as <see cref="Equals(Float8E4M3FN)"/>.</summary>
    public override bool Equals(object? obj) => obj is Float8E4M3FN other && Equals(other);

    /// <summary>A hash of the bit pattern.</summary>
    public override int GetHashCode() => _bits;

    /// <summary>The float value, formatted with the invariant culture.</summary>
    public override string ToString() => Format.Values[_bits].ToString(CultureInfo.InvariantCulture);
}
