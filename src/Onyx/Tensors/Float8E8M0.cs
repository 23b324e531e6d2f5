using System.Globalization;
using System.Numerics;

namespace Onyx;

/// <summary>
/// The ONNX FLOAT8E8M0 element, the scale type of the OCP microscaling formats: 8 exponent bits (bias 127), no sign
/// and no mantissa. Code <c>c</c> below <c>0xFF</c> is 2^(c - 127), so the values run from 2^-127 (<c>0x00</c>) to
/// 2^127 (<c>0xFE</c>); <c>0xFF</c> is NaN. There is no zero and no infinity (float8.md, "E8M0").
/// </summary>
public readonly struct Float8E8M0 : IEquatable<Float8E8M0>
{
    private const int Bias = 127;
    private const byte MaxBits = 0xFE;
    private const byte NaNBits = 0xFF;

    private static readonly float[] s_values = CreateValues();

    private readonly byte _bits;

    private Float8E8M0(byte bits) => _bits = bits;

    /// <summary>The largest value, 2^127 (<c>0xFE</c>).</summary>
    public static Float8E8M0 MaxValue => new(MaxBits);

    /// <summary>The smallest value, 2^-127 (<c>0x00</c>); the type has neither zero nor negative values.</summary>
    public static Float8E8M0 MinValue => new(0x00);

    /// <summary>The NaN, <c>0xFF</c>.</summary>
    public static Float8E8M0 NaN => new(NaNBits);

    /// <summary>The stored bit pattern, the biased exponent.</summary>
    public byte Bits => _bits;

    /// <summary>True for <c>0xFF</c>.</summary>
    public bool IsNaN => _bits == NaNBits;

    /// <summary>Reinterprets a bit pattern; every byte is a valid code.</summary>
    public static Float8E8M0 FromBits(byte bits) => new(bits);

    /// <summary>
    /// Converts as ONNX Cast-25 does with its <c>saturate</c> and <c>round_mode</c> attributes (defaults: saturate,
    /// round up). The value is first rounded to a power of two 2^k by <paramref name="rounding"/>; when k lies outside
    /// [-127, 127], <paramref name="saturate"/> clamps it to 2^-127 or 2^127 and otherwise gives NaN. Zero counts as
    /// below the range: 2^-127 when saturating, NaN otherwise; +infinity gives 2^127 when saturating, NaN otherwise;
    /// NaN gives NaN. The spec leaves negative inputs unspecified: this converts their magnitude (the sign bit is
    /// ignored, as in the ONNX reference implementation).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rounding"/> is not a defined mode.</exception>
    public static Float8E8M0 FromSingle(
        float value, bool saturate = true, Float8E8M0Rounding rounding = Float8E8M0Rounding.Up)
    {
        uint magnitude = BitConverter.SingleToUInt32Bits(value) & 0x7FFFFFFF;
        if (magnitude > 0x7F800000)
        {
            return NaN;
        }

        if (magnitude == 0x7F800000)
        {
            return saturate ? MaxValue : NaN;
        }

        if (magnitude == 0)
        {
            return saturate ? MinValue : NaN;
        }

        // Write |value| as 2^exponent * (1 + fraction / 2^23), normalizing float32 subnormals.
        int exponent;
        uint fraction;
        if (magnitude >= 0x800000)
        {
            exponent = (int)(magnitude >> 23) - 127;
            fraction = magnitude & 0x7FFFFF;
        }
        else
        {
            int leading = BitOperations.Log2(magnitude);
            exponent = leading - 149;
            fraction = (magnitude << (23 - leading)) & 0x7FFFFF;
        }

        exponent += rounding switch
        {
            Float8E8M0Rounding.Up => fraction != 0 ? 1 : 0,
            Float8E8M0Rounding.Down => 0,
            Float8E8M0Rounding.Nearest => fraction >= 0x400000 ? 1 : 0,
            _ => throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "Unknown rounding mode."),
        };
        if (exponent > Bias)
        {
            return saturate ? MaxValue : NaN;
        }

        if (exponent < -Bias)
        {
            return saturate ? MinValue : NaN;
        }

        return new((byte)(exponent + Bias));
    }

    /// <summary>Converts every element exactly (<c>0xFF</c> gives NaN); lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void ToSingle(ReadOnlySpan<Float8E8M0> source, Span<float> destination)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        float[] values = s_values;
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = values[source[i]._bits];
        }
    }

    /// <summary>
    /// Converts every element as <see cref="FromSingle(float, bool, Float8E8M0Rounding)"/> does; lengths must match.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rounding"/> is not a defined mode.</exception>
    public static void FromSingle(
        ReadOnlySpan<float> source,
        Span<Float8E8M0> destination,
        bool saturate = true,
        Float8E8M0Rounding rounding = Float8E8M0Rounding.Up)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = FromSingle(source[i], saturate, rounding);
        }
    }

    /// <summary>Exact conversion (2^-127 is a float32 subnormal); <c>0xFF</c> gives NaN.</summary>
    public static explicit operator float(Float8E8M0 value) => s_values[value._bits];

    /// <summary>Exact conversion; <c>0xFF</c> gives NaN.</summary>
    public static explicit operator double(Float8E8M0 value) => s_values[value._bits];

    /// <summary>Converts with the Cast defaults: <c>FromSingle(value, saturate: true, Float8E8M0Rounding.Up)</c>.</summary>
    public static explicit operator Float8E8M0(float value) => FromSingle(value);

    /// <summary>Bitwise equality: the NaN equals itself.</summary>
    public bool Equals(Float8E8M0 other) => _bits == other._bits;

    /// <summary>Bitwise equality, as <see cref="Equals(Float8E8M0)"/>.</summary>
    public override bool Equals(object? obj) => obj is Float8E8M0 other && Equals(other);

    /// <summary>A hash of the bit pattern.</summary>
    public override int GetHashCode() => _bits;

    /// <summary>The float value, formatted with the invariant culture.</summary>
    public override string ToString() => s_values[_bits].ToString(CultureInfo.InvariantCulture);

    private static float[] CreateValues()
    {
        var values = new float[256];
        for (int code = 0; code < NaNBits; code++)
        {
            values[code] = (float)Math.ScaleB(1.0, code - Bias);
        }

        values[NaNBits] = float.NaN;
        return values;
    }
}
