using System.Globalization;

namespace Onyx;

/// <summary>The ONNX UINT2 element: an unsigned 2-bit integer in [0, 3] (int2.md), held in a <see cref="byte"/>.</summary>
public readonly struct UInt2 : IEquatable<UInt2>
{
    private const byte Max = 3;

    private readonly byte _value;

    private UInt2(byte value) => _value = value;

    /// <summary>The largest value, 3.</summary>
    public static UInt2 MaxValue => new(Max);

    /// <summary>The smallest value, 0.</summary>
    public static UInt2 MinValue => default;

    /// <summary>The value, in [0, 3].</summary>
    public byte Value => _value;

    /// <summary>The 2-bit code, equal to <see cref="Value"/>.</summary>
    public byte Bits => _value;

    /// <summary>Takes the code from the low 2 bits of <paramref name="bits"/>; the other bits are ignored.</summary>
    public static UInt2 FromBits(byte bits) => new((byte)(bits & Max));

    /// <summary>
    /// Rounds to the nearest integer, ties to even (int2.md, "Cast"), then with <paramref name="saturate"/> clamps to
    /// [0, 3] (infinities to the bound of their sign), as QuantizeLinear does; without it keeps the low 2 bits (wraps
    /// modulo 4), as Cast's rule for out-of-range fixed-point values and the ONNX reference implementation (ml_dtypes,
    /// on whole numbers) do. The spec leaves NaN (and, when wrapping, infinity) undefined: they give 0.
    /// </summary>
    public static UInt2 FromDouble(double value, bool saturate = true) =>
        CreateTruncating(NarrowInteger.Round(value, saturate, 0, Max));

    /// <summary>Converts exactly as <see cref="FromDouble(double, bool)"/> does (float widens to double exactly).</summary>
    public static UInt2 FromSingle(float value, bool saturate = true) => FromDouble(value, saturate);

    /// <summary>Keeps the low 2 bits (wraps modulo 4): Cast's rule for out-of-range fixed-point values.</summary>
    public static UInt2 CreateTruncating(long value) => FromBits((byte)value);

    /// <summary>Clamps to [0, 3].</summary>
    public static UInt2 CreateSaturating(long value) => new((byte)Math.Clamp(value, 0, Max));

    /// <summary>Converts every element exactly; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void ToSingle(ReadOnlySpan<UInt2> source, Span<float> destination)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i]._value;
        }
    }

    /// <summary>Converts every element as <see cref="FromSingle(float, bool)"/> does; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void FromSingle(ReadOnlySpan<float> source, Span<UInt2> destination, bool saturate = true)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = FromDouble(source[i], saturate);
        }
    }

    /// <summary>Exact conversion.</summary>
    public static explicit operator int(UInt2 value) => value._value;

    /// <summary>Exact conversion.</summary>
    public static explicit operator float(UInt2 value) => value._value;

    /// <summary>Exact conversion.</summary>
    public static explicit operator double(UInt2 value) => value._value;

    /// <summary>Converts with rounding and clamping: <c>FromSingle(value, saturate: true)</c>.</summary>
    public static explicit operator UInt2(float value) => FromDouble(value);

    /// <summary>Equality of the values (the representation is unique).</summary>
    public bool Equals(UInt2 other) => _value == other._value;

    /// <summary>Equality of the values, as <see cref="Equals(UInt2)"/>.</summary>
    public override bool Equals(object? obj) => obj is UInt2 other && Equals(other);

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => _value;

    /// <summary>The value, formatted with the invariant culture.</summary>
    public override string ToString() => _value.ToString(CultureInfo.InvariantCulture);
}
