namespace Onyx;

/// <summary>Float-to-integer steps shared by the 4-bit and 2-bit integer elements.</summary>
internal static class NarrowInteger
{
    /// <summary>
    /// The low 64 bits of the two's complement of <paramref name="integral"/>, a finite whole number. Doubles of
    /// magnitude 2^63 or more are multiples of 2^11, so their low bits are all zero.
    /// </summary>
    private static long LowBits(double integral) =>
        Math.Abs(integral) < 9223372036854775808.0 ? (long)integral : 0;

    /// <summary>
    /// Rounds to the nearest integer, ties to even; with <paramref name="saturate"/> clamps to [<paramref name="min"/>,
    /// <paramref name="max"/>], otherwise returns the low 64 bits for the caller to wrap. NaN, and infinity when
    /// wrapping, give 0 (the spec leaves them undefined).
    /// </summary>
    public static long Round(double value, bool saturate, int min, int max)
    {
        double rounded = Math.Round(value, MidpointRounding.ToEven);
        if (double.IsNaN(rounded) || (!saturate && double.IsInfinity(rounded)))
            return 0;
        return saturate ? (long)Math.Clamp(rounded, min, max) : LowBits(rounded);
    }
}
