namespace Onyx;

/// <summary>
/// Arithmetic shared by the small IEEE-like formats (float8, float4): their magnitude codes (the bits below the sign)
/// are <c>exponent &lt;&lt; mantissaBits | mantissa</c>, ordered like the values they encode.
/// </summary>
internal static class MiniFloat
{
    /// <summary>Value of the finite magnitude code <paramref name="magnitude"/> (sign bit excluded).</summary>
    public static float Decode(int magnitude, int mantissaBits, int bias)
    {
        int exponent = magnitude >> mantissaBits;
        int mantissa = magnitude & ((1 << mantissaBits) - 1);
        // Exponent field 0 is subnormal: 2^(1 - bias) * 0.m; otherwise 2^(e - bias) * 1.m (float8.md, float4.md).
        return exponent == 0
            ? (float)Math.ScaleB(mantissa, 1 - bias - mantissaBits)
            : (float)Math.ScaleB((1 << mantissaBits) | mantissa, exponent - bias - mantissaBits);
    }

    /// <summary>A quiet float32 NaN whose sign bit is set when <paramref name="negative"/> is.</summary>
    public static float QuietNaN(bool negative) => BitConverter.UInt32BitsToSingle(negative ? 0xFFC00000u : 0x7FC00000u);

    /// <summary>
    /// Rounds the float32 magnitude whose bits are <paramref name="magnitudeBits"/> (sign cleared, not NaN) to the
    /// nearest magnitude code, ties to even. The exponent is unbounded above, so a result past the format's largest
    /// finite code means overflow; infinity always lands there. Callers apply their own saturation rule.
    /// </summary>
    public static uint RoundMagnitude(uint magnitudeBits, int mantissaBits, int bias)
    {
        int floatExponent = (int)(magnitudeBits >> 23);
        uint floatMantissa = magnitudeBits & 0x7FFFFF;
        int exponent = floatExponent - 127 + bias;
        if (exponent >= 1)
        {
            // Normal in the target: dropping low mantissa bits keeps the exponent field above them, so a carry out
            // of the mantissa moves to the next binade, as rounding requires.
            return ShiftRightToEven(((uint)exponent << 23) | floatMantissa, 23 - mantissaBits);
        }

        // Subnormal in the target: the code counts multiples of the smallest subnormal 2^(1 - bias - mantissaBits).
        int shift = 24 - mantissaBits - exponent;
        if (floatExponent == 0 || shift > 25)
        {
            // Below a quarter of the smallest subnormal (float32 subnormals are far below every format here).
            return 0;
        }

        return ShiftRightToEven(floatMantissa | 0x800000, shift);
    }

    private static uint ShiftRightToEven(uint value, int shift)
    {
        uint quotient = value >> shift;
        uint remainder = value & ((1u << shift) - 1);
        uint half = 1u << (shift - 1);
        if (remainder > half || (remainder == half && (quotient & 1) != 0))
        {
            quotient++;
        }

        return quotient;
    }
}
