namespace Onyx;

/// <summary>Float-to-integer steps shared by the 4-bit and 2-bit integer elements.</summary>
internal static class NarrowInteger
{
    /// <summary>
    /// The low 64 bits of the two's complement of <paramref name="integral"/>, a finite whole number. Doubles of
    /// magnitude 2^63 or more are multiples of 2^11, so their low bits are all zero.
    /// </summary>
    public static long LowBits(double integral) =>
        Math.Abs(integral) < 9223372036854775808.0 ? (long)integral : 0;
}
