using System.Globalization;

namespace Onyx;

/// <summary>
/// The ONNX FLOAT4E2M1 element: 1 sign bit, 2 exponent bits (bias 1) and 1 mantissa bit, held in the low nibble of a
/// byte. Its magnitudes are 0, 0.5, 1, 1.5, 2, 3, 4 and 6; it has signed zeros but no NaN and no infinities
/// (float4.md).
/// </summary>
public readonly struct Float4E2M1 : IEquatable<Float4E2M1>
{
    private const int MantissaBits = 1;
    private const int Bias = 1;
    private const byte MaxMagnitude = 0x7;

    private static readonly float[] s_values = CreateValues();

    private readonly byte _bits;

    private Float4E2M1(byte bits) => _bits = bits;

    /// <summary>The largest value, 6 (<c>0x7</c>).</summary>
    public static Float4E2M1 MaxValue => new(MaxMagnitude);

    /// <summary>The most negative value, -6 (<c>0xF</c>).</summary>
    public static Float4E2M1 MinValue => new(0x8 | MaxMagnitude);

    /// <summary>The smallest positive value, the subnormal 0.5 (<c>0x1</c>).</summary>
    public static Float4E2M1 Epsilon => new(0x1);

    /// <summary>The 4-bit code, in the low nibble (the high nibble is zero).</summary>
    public byte Bits => _bits;

    /// <summary>Takes the code from the low nibble of <paramref name="bits"/>; the high nibble is ignored.</summary>
    public static Float4E2M1 FromBits(byte bits) => new((byte)(bits & 0x0F));

    /// <summary>
    /// Converts as ONNX Cast does (float4.md, "Cast"): rounds to the nearest value, ties to even; values beyond ±6
    /// and ±infinity become ±6; ±0 stays ±0; NaN of either sign becomes +6. The conversion always saturates: the
    /// Cast <c>saturate</c> attribute applies only to float8 targets.
    /// </summary>
    public static Float4E2M1 FromSingle(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        uint magnitude = bits & 0x7FFFFFFF;
        if (magnitude > 0x7F800000)
        {
            return MaxValue;
        }

        uint code = Math.Min(MiniFloat.RoundMagnitude(magnitude, MantissaBits, Bias), MaxMagnitude);
        return new((byte)(((bits >> 28) & 0x8) | code));
    }

    /// <summary>Converts every element exactly; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void ToSingle(ReadOnlySpan<Float4E2M1> source, Span<float> destination)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        float[] values = s_values;
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = values[source[i]._bits];
        }
    }

    /// <summary>Converts every element as <see cref="FromSingle(float)"/> does; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void FromSingle(ReadOnlySpan<float> source, Span<Float4E2M1> destination)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = FromSingle(source[i]);
        }
    }

    /// <summary>Exact conversion.</summary>
    public static explicit operator float(Float4E2M1 value) => s_values[value._bits];

    /// <summary>Exact conversion.</summary>
    public static explicit operator double(Float4E2M1 value) => s_values[value._bits];

    /// <summary>Converts as <see cref="FromSingle(float)"/> does.</summary>
    public static explicit operator Float4E2M1(float value) => FromSingle(value);

    /// <summary>Bitwise equality: +0 differs from -0.</summary>
    public bool Equals(Float4E2M1 other) => _bits == other._bits;

    /// <summary>Bitwise equality, as <see cref="Equals(Float4E2M1)"/>.</summary>
    public override bool Equals(object? obj) => obj is Float4E2M1 other && Equals(other);

    /// <summary>A hash of the bit pattern.</summary>
    public override int GetHashCode() => _bits;

    /// <summary>The float value, formatted with the invariant culture.</summary>
    public override string ToString() => s_values[_bits].ToString(CultureInfo.InvariantCulture);

    private static float[] CreateValues()
    {
        var values = new float[16];
        for (int code = 0; code < 16; code++)
        {
            values[code] = (code >= 0x8 ? -1 : 1) * MiniFloat.Decode(code & 0x7, MantissaBits, Bias);
        }

        return values;
    }
}
