using System.Globalization;

namespace Onyx;

/// <summary>The ONNX UINT4 element: an unsigned 4-bit integer in [0, 15] (int4.md), held in a <see cref="byte"/>.</summary>
public readonly struct UInt4 : IEquatable<UInt4>
{
    private const byte Max = 15;

    private readonly byte _value;

    private UInt4(byte value) => _value = value;

    /// <summary>The largest value, 15.</summary>
    public static UInt4 MaxValue => new(Max);

    /// <summary>The smallest value, 0.</summary>
    public static UInt4 MinValue => default;

    /// <summary>The value, in [0, 15].</summary>
    public byte Value => _value;

    /// <summary>The 4-bit code, equal to <see cref="Value"/>.</summary>
    public byte Bits => _value;

    /// <summary>Takes the code from the low nibble of <paramref name="bits"/>; the high nibble is ignored.</summary>
    public static UInt4 FromBits(byte bits) => new((byte)(bits & Max));

    /// <summary>
    /// Rounds to the nearest integer, ties to even (int4.md, "Cast"), then with <paramref name="saturate"/> clamps to
    /// [0, 15] (infinities to the bound of their sign), as ONNX's original UINT4 reference conversion and
    /// QuantizeLinear do; without it keeps the low 4 bits (wraps modulo 16), as Cast's rule for out-of-range
    /// fixed-point values does and as the ONNX reference implementation has done on whole numbers since onnx 1.19. The
    /// spec leaves NaN (and, when wrapping, infinity) undefined: they give 0.
    /// </summary>
    public static UInt4 FromDouble(double value, bool saturate = true) =>
        CreateTruncating(NarrowInteger.Round(value, saturate, 0, Max));

    /// <summary>Converts exactly as <see cref="FromDouble(double, bool)"/> does (float widens to double exactly).</summary>
    public static UInt4 FromSingle(float value, bool saturate = true) => FromDouble(value, saturate);

    /// <summary>Keeps the low 4 bits (wraps modulo 16): Cast's rule for out-of-range fixed-point values.</summary>
    public static UInt4 CreateTruncating(long value) => FromBits((byte)value);

    /// <summary>Clamps to [0, 15].</summary>
    public static UInt4 CreateSaturating(long value) => new((byte)Math.Clamp(value, 0, Max));

    /// <summary>Converts every element exactly; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void ToSingle(ReadOnlySpan<UInt4> source, Span<float> destination)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i]._value;
        }
    }

    /// <summary>Converts every element as <see cref="FromSingle(float, bool)"/> does; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void FromSingle(ReadOnlySpan<float> source, Span<UInt4> destination, bool saturate = true)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = FromDouble(source[i], saturate);
        }
    }

    /// <summary>Exact conversion.</summary>
    public static explicit operator int(UInt4 value) => value._value;

    /// <summary>Exact conversion.</summary>
    public static explicit operator float(UInt4 value) => value._value;

    /// <summary>Exact conversion.</summary>
    public static explicit operator double(UInt4 value) => value._value;

    /// <summary>Converts with rounding and clamping: <c>FromSingle(value, saturate: true)</c>.</summary>
    public static explicit operator UInt4(float value) => FromDouble(value);

    /// <summary>Equality of the values (the representation is unique).</summary>
    public bool Equals(UInt4 other) => _value == other._value;

    /// <summary>Equality of the values, as <see cref="Equals(UInt4)"/>.</summary>
    public override bool Equals(object? obj) => obj is UInt4 other && Equals(other);

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => _value;

    /// <summary>The value, formatted with the invariant culture.</summary>
    public override string ToString() => _value.ToString(CultureInfo.InvariantCulture);
}
