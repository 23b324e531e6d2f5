namespace Onyx.Tests.Tensors;

/// <summary>
/// A slow, independent model of the small float formats, straight from the formulas in float8.md and float4.md:
/// exhaustive search for the nearest code, ties to the even code.
/// </summary>
internal static class ReferenceRounding
{
    /// <summary>
    /// The spec value of a magnitude code (sign excluded). Codes past the format's last finite one follow the same
    /// formula, which models the unbounded exponent that rounding overflows into.
    /// </summary>
    public static double Value(int magnitude, int mantissaBits, int bias)
    {
        int exponent = magnitude >> mantissaBits;
        int mantissa = magnitude & ((1 << mantissaBits) - 1);
        double scale = 1 << mantissaBits;
        return exponent == 0
            ? Math.Pow(2, 1 - bias) * (mantissa / scale)
            : Math.Pow(2, exponent - bias) * (1 + (mantissa / scale));
    }

    /// <summary>The magnitude code in [0, <paramref name="limit"/>] nearest to <paramref name="magnitude"/>, ties to even.</summary>
    public static int Nearest(double magnitude, int limit, int mantissaBits, int bias)
    {
        int best = 0;
        double bestDistance = double.PositiveInfinity;
        for (int code = 0; code <= limit; code++)
        {
            double distance = Math.Abs(Value(code, mantissaBits, bias) - magnitude);
            if (distance < bestDistance || (distance == bestDistance && (code & 1) == 0))
            {
                best = code;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Random floats of both signs with binary exponents in [<paramref name="minExponent"/>,
    /// <paramref name="maxExponent"/>], followed by every midpoint between consecutive codes up to
    /// <paramref name="limit"/> and the floats just either side of each midpoint, with both signs.
    /// </summary>
    public static List<float> Samples(
        int seed, int count, int minExponent, int maxExponent, int limit, int mantissaBits, int bias)
    {
        var random = new Random(seed);
        var samples = new List<float>(count);
        for (int i = 0; i < count; i++)
        {
            uint sign = (uint)random.Next(2) << 31;
            uint exponent = (uint)random.Next(127 + minExponent, 127 + maxExponent + 1) << 23;
            uint mantissa = (uint)random.Next(1 << 23);
            samples.Add(BitConverter.UInt32BitsToSingle(sign | exponent | mantissa));
        }

        for (int code = 0; code < limit; code++)
        {
            // The midpoint of two codes has at most mantissaBits + 2 significant bits, so float holds it exactly.
            float midpoint = (float)((Value(code, mantissaBits, bias) + Value(code + 1, mantissaBits, bias)) / 2);
            foreach (float x in new[] { midpoint, MathF.BitDecrement(midpoint), MathF.BitIncrement(midpoint) })
            {
                samples.Add(x);
                samples.Add(-x);
            }
        }

        return samples;
    }

    /// <summary>
    /// Checks a float8/float4 conversion against <see cref="Nearest"/> on <paramref name="samples"/> and returns a
    /// description of each mismatch. <paramref name="overflowCode"/> is the magnitude the conversion gives when the
    /// rounded value exceeds <paramref name="maxMagnitude"/> (null when it saturates); <paramref name="unsignedZero"/>
    /// marks the FNUZ formats, whose zero has no sign (their overflow NaN, 0x80, is the same with or without sign).
    /// </summary>
    public static List<string> Mismatches(
        IEnumerable<float> samples,
        Func<float, int> convert,
        int signBit,
        int maxMagnitude,
        int? overflowCode,
        int mantissaBits,
        int bias,
        bool unsignedZero = false)
    {
        var mismatches = new List<string>();
        foreach (float x in samples)
        {
            int magnitude = Nearest(Math.Abs(x), maxMagnitude + 1, mantissaBits, bias);
            if (magnitude > maxMagnitude)
            {
                magnitude = overflowCode ?? maxMagnitude;
            }

            bool negative = float.IsNegative(x) && !(unsignedZero && magnitude == 0);
            int expected = (negative ? signBit : 0) | magnitude;
            int actual = convert(x);
            if (actual != expected)
            {
                mismatches.Add($"{x:R} (0x{BitConverter.SingleToUInt32Bits(x):X8}): expected 0x{expected:X2}, got 0x{actual:X2}");
            }
        }

        return mismatches;
    }
}
