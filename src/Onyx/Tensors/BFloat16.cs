using System.Globalization;

namespace Onyx;

/// <summary>
/// The ONNX BFLOAT16 element: the upper 16 bits of an IEEE 754 float32 (1 sign bit, 8 exponent bits, 7 mantissa
/// bits), with float32's range, signed zeros, subnormals, infinities and NaNs.
/// </summary>
public readonly struct BFloat16 : IEquatable<BFloat16>
{
    private readonly ushort _bits;

    private BFloat16(ushort bits) => _bits = bits;

    /// <summary>The largest finite value, (2 - 2^-7) · 2^127 ≈ 3.3895e38 (<c>0x7F7F</c>).</summary>
    public static BFloat16 MaxValue => new(0x7F7F);

    /// <summary>The most negative finite value (<c>0xFF7F</c>).</summary>
    public static BFloat16 MinValue => new(0xFF7F);

    /// <summary>The smallest positive value, the subnormal 2^-133 (<c>0x0001</c>).</summary>
    public static BFloat16 Epsilon => new(0x0001);

    /// <summary>Positive infinity (<c>0x7F80</c>).</summary>
    public static BFloat16 PositiveInfinity => new(0x7F80);

    /// <summary>Negative infinity (<c>0xFF80</c>).</summary>
    public static BFloat16 NegativeInfinity => new(0xFF80);

    /// <summary>A quiet NaN (<c>0x7FC0</c>).</summary>
    public static BFloat16 NaN => new(0x7FC0);

    /// <summary>The stored bit pattern.</summary>
    public ushort Bits => _bits;

    /// <summary>True when the exponent bits are all ones and the mantissa is nonzero.</summary>
    public bool IsNaN => (_bits & 0x7FFF) > 0x7F80;

    /// <summary>True for <c>0x7F80</c> and <c>0xFF80</c>.</summary>
    public bool IsInfinity => (_bits & 0x7FFF) == 0x7F80;

    /// <summary>Reinterprets a bit pattern; every ushort is a valid code.</summary>
    public static BFloat16 FromBits(ushort bits) => new(bits);

    /// <summary>
    /// Rounds to the nearest bfloat16, ties to even; values that round past the largest finite value become infinity
    /// (the Cast rule for float-to-float overflow). A NaN stays NaN, keeping its sign and upper payload bits with the
    /// quiet bit set, so no NaN can round into an infinity.
    /// </summary>
    public static BFloat16 FromSingle(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        if ((bits & 0x7FFFFFFF) > 0x7F800000)
        {
            return new((ushort)((bits >> 16) | 0x0040));
        }

        // Adding 0x7FFF plus the lowest kept bit rounds the dropped 16 bits to nearest, ties to even; a carry moves
        // into the exponent, which is correct up to and including overflow to infinity.
        return new((ushort)((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16));
    }

    /// <summary>Widens every element exactly; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void ToSingle(ReadOnlySpan<BFloat16> source, Span<float> destination)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = BitConverter.UInt32BitsToSingle((uint)source[i]._bits << 16);
        }
    }

    /// <summary>Converts every element as <see cref="FromSingle(float)"/> does; lengths must match.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void FromSingle(ReadOnlySpan<float> source, Span<BFloat16> destination)
    {
        SpanArguments.EnsureSameLength(source.Length, destination.Length);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = FromSingle(source[i]);
        }
    }

    /// <summary>Exact conversion: the bits become the upper half of a float32.</summary>
    public static explicit operator float(BFloat16 value) => BitConverter.UInt32BitsToSingle((uint)value._bits << 16);

    /// <summary>Exact conversion.</summary>
    public static explicit operator double(BFloat16 value) => (float)value;

    /// <summary>Rounds as <see cref="FromSingle(float)"/> does.</summary>
    public static explicit operator BFloat16(float value) => FromSingle(value);

    /// <summary>Bitwise equality: NaN equals a NaN with the same bits, and +0 differs from -0.</summary>
    public bool Equals(BFloat16 other) => _bits == other._bits;

    /// <summary>Bitwise equality, as <see cref="Equals(BFloat16)"/>.</summary>
    public override bool Equals(object? obj) => obj is BFloat16 other && Equals(other);

    /// <summary>A hash of the bit pattern.</summary>
    public override int GetHashCode() => _bits;

    /// <summary>The float value, formatted with the invariant culture.</summary>
    public override string ToString() => ((float)this).ToString(CultureInfo.InvariantCulture);
}
