using System.Globalization;

namespace Onyx;

/// <summary>
/// The ONNX INT2 element: a two's complement 2-bit integer in [-2, 1] (int2.md), held sign-extended in an
/// <see cref="sbyte"/>.
/// </summary>
public readonly struct Int2 : IEquatable<Int2>
{
    private const sbyte Min = -2;
    private const sbyte Max = 1;

    private readonly sbyte _value;

    private Int2(sbyte value) => _value = value;

    /// <summary>The largest value, 1.</summary>
    public static Int2 MaxValue => new(Max);

    /// <summary>The smallest value, -2.</summary>
    public static Int2 MinValue => new(Min);

    /// <summary>The value, in [-2, 1].</summary>
    public sbyte Value => _value;

    /// <summary>The 2-bit two's complement code, in the low 2 bits (the other bits are zero).</summary>
    public byte Bits => (byte)(_value & 0x03);

    /// <summary>Sign-extends the code in the low 2 bits of <paramref name="bits"/>; the other bits are ignored.</summary>
    public static Int2 FromBits(byte bits) => new((sbyte)((sbyte)(bits << 6) >> 6));

    /// <summary>
    /// Rounds to the nearest integer, ties to even (int2.md, "Cast"), then with <paramref name="saturate"/> clamps to
    /// [-2, 1] (infinities to the bound of their sign), as QuantizeLinear does; without it keeps the low 2 bits (wraps
    /// modulo 4), as Cast's rule for out-of-range fixed-point values and the ONNX reference implementation (ml_dtypes,
    /// on whole numbers) do. The spec leaves NaN (and, when wrapping, infinity) undefined: they give 0.
    /// </summary>
    public static Int2 FromDouble(double value, bool saturate = true) =>
        CreateTruncating(NarrowInteger.Round(value, saturate, Min, Max));

    /// <summary>Converts exactly as <see cref="FromDouble(double, bool)"/> does (float widens to double exactly).</summary>
    public static Int2 FromSingle(float value, bool saturate = true) => FromDouble(value, saturate);

    /// <summary>Keeps the low 2 bits (wraps modulo 4): Cast's rule for out-of-range fixed-point values.</summary>
    public static Int2 CreateTruncating(long value) => FromBits((byte)value);

    /// <summary>Clamps to [-2, 1].</summary>
    public static Int2 CreateSaturating(long value) => new((sbyte)Math.Clamp(value, Min, Max));

    /// <summary>Converts every element exactly; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void ToSingle(ReadOnlySpan<Int2> source, Span<float> destination)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i]._value;
        }
    }

    /// <summary>Converts every element as <see cref="FromSingle(float, bool)"/> does; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void FromSingle(ReadOnlySpan<float> source, Span<Int2> destination, bool saturate = true)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = FromDouble(source[i], saturate);
        }
    }

    /// <summary>Exact conversion.</summary>
    public static explicit operator int(Int2 value) => value._value;

    /// <summary>Exact conversion.</summary>
    public static explicit operator float(Int2 value) => value._value;

    /// <summary>Exact conversion.</summary>
    public static explicit operator double(Int2 value) => value._value;

    /// <summary>Converts with rounding and clamping: <c>FromSingle(value, saturate: true)</c>.</summary>
    public static explicit operator Int2(float value) => FromDouble(value);

    /// <summary>Equality of the values (the representation is unique).</summary>
    public bool Equals(Int2 other) => _value == other._value;

    /// <summary>Equality of the values, as <see cref="Equals(Int2)"/>.</summary>
    public override bool Equals(object? obj) => obj is Int2 other && Equals(other);

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => _value;

    /// <summary>The value, formatted with the invariant culture.</summary>
    public override string ToString() => _value.ToString(CultureInfo.InvariantCulture);
}
