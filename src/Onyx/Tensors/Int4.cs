using System.Globalization;

namespace Onyx;

/// <summary>
/// The ONNX INT4 element: a two's complement 4-bit integer in [-8, 7] (int4.md), held sign-extended in an
/// <see cref="sbyte"/>.
/// </summary>
public readonly struct Int4 : IEquatable<Int4>
{
    private const sbyte Min = -8;
    private const sbyte Max = 7;

    private readonly sbyte _value;

    private Int4(sbyte value) => _value = value;

    /// <summary>The largest value, 7.</summary>
    public static Int4 MaxValue => new(Max);

    /// <summary>The smallest value, -8.</summary>
    public static Int4 MinValue => new(Min);

    /// <summary>The value, in [-8, 7].</summary>
    public sbyte Value => _value;

    /// <summary>The 4-bit two's complement code, in the low nibble (the high nibble is zero).</summary>
    public byte Bits => (byte)(_value & 0x0F);

    /// <summary>Sign-extends the code in the low nibble of <paramref name="bits"/>; the high nibble is ignored.</summary>
    public static Int4 FromBits(byte bits) => new((sbyte)((sbyte)(bits << 4) >> 4));

    /// <summary>
    /// Rounds to the nearest integer, ties to even (int4.md, "Cast"), then with <paramref name="saturate"/> clamps to
    /// [-8, 7] (infinities to the bound of their sign), as ONNX's original INT4 reference conversion and QuantizeLinear
    /// do; without it keeps the low 4 bits (wraps modulo 16), as Cast's rule for out-of-range fixed-point values does
    /// and as the ONNX reference implementation has done on whole numbers since onnx 1.19. The spec leaves NaN (and, when
    /// wrapping, infinity) undefined: they give 0.
    /// </summary>
    public static Int4 FromDouble(double value, bool saturate = true) =>
        CreateTruncating(NarrowInteger.Round(value, saturate, Min, Max));

    /// <summary>Converts exactly as <see cref="FromDouble(double, bool)"/> does (float widens to double exactly).</summary>
    public static Int4 FromSingle(float value, bool saturate = true) => FromDouble(value, saturate);

    /// <summary>Keeps the low 4 bits (wraps modulo 16): Cast's rule for out-of-range fixed-point values.</summary>
    public static Int4 CreateTruncating(long value) => FromBits((byte)value);

    /// <summary>Clamps to [-8, 7].</summary>
    public static Int4 CreateSaturating(long value) => new((sbyte)Math.Clamp(value, Min, Max));

    /// <summary>Converts every element exactly; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void ToSingle(ReadOnlySpan<Int4> source, Span<float> destination)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i]._value;
        }
    }

    /// <summary>Converts every element as <see cref="FromSingle(float, bool)"/> does; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void FromSingle(ReadOnlySpan<float> source, Span<Int4> destination, bool saturate = true)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = FromDouble(source[i], saturate);
        }
    }

    /// <summary>Exact conversion.</summary>
    public static explicit operator int(Int4 value) => value._value;

    /// <summary>Exact conversion.</summary>
    public static explicit operator float(Int4 value) => value._value;

    /// <summary>Exact conversion.</summary>
    public static explicit operator double(Int4 value) => value._value;

    /// <summary>Converts with rounding and clamping: <c>FromSingle(value, saturate: true)</c>.</summary>
    public static explicit operator Int4(float value) => FromDouble(value);

    /// <summary>Equality of the values (the representation is unique).</summary>
    public bool Equals(Int4 other) => _value == other._value;

    /// <summary>Equality of the values, as <see cref="Equals(Int4)"/>.</summary>
    public override bool Equals(object? obj) => obj is Int4 other && Equals(other);

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => _value;

    /// <summary>The value, formatted with the invariant culture.</summary>
    public override string ToString() => _value.ToString(CultureInfo.InvariantCulture);
}
