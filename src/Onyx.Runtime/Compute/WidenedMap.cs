using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Onyx.Runtime.Compute;

/// <summary>A function of doubles, four lanes at a time or one, for float data that needs double's range or precision.</summary>
internal interface IWidenedFunction
{
    static abstract Vector256<double> Apply(Vector256<double> x);

    static abstract double Apply(double x);
}

/// <summary>
/// Maps float spans through an <see cref="IWidenedFunction"/>: four elements widened to double lanes at a time, the
/// last few through a zero-padded block, each result rounded back to float.
/// </summary>
internal static class WidenedMap
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Map<T>(ReadOnlySpan<float> x, Span<float> y) where T : IWidenedFunction
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            for (int j = 0; j < x.Length; j++)
                y[j] = (float)T.Apply(x[j]);
            return;
        }
        int i = 0;
        for (; i <= x.Length - 4; i += 4)
            Store(T.Apply(Load(x.Slice(i))), y.Slice(i));
        if (i < x.Length)
        {
            Span<float> block = stackalloc float[4];
            block.Clear();
            x.Slice(i).CopyTo(block);
            Store(T.Apply(Load(block)), block);
            block.Slice(0, x.Length - i).CopyTo(y.Slice(i));
        }
    }

    private static Vector256<double> Load(ReadOnlySpan<float> x)
    {
        Vector128<float> v = Vector128.Create(x);
        return Vector256.Create(Vector128.WidenLower(v), Vector128.WidenUpper(v));
    }

    private static void Store(Vector256<double> v, Span<float> y) => Vector128.Narrow(v.GetLower(), v.GetUpper()).CopyTo(y);
}

/// <summary>
/// tanh as (1 − e)/(1 + e), e = exp(−2|x|), with the sign restored: in double the subtraction keeps float precision
/// down to |x| = 1e-4, below which x − x³/3 is exact to float. Float's own vectorised tanh loses relative precision
/// for small arguments.
/// </summary>
internal readonly struct WidenedTanh : IWidenedFunction
{
    public static Vector256<double> Apply(Vector256<double> x)
    {
        Vector256<double> z = Vector256.Abs(x), e = WidenedMath.Exp(-2.0 * z);
        Vector256<double> large = (Vector256<double>.One - e) / (Vector256<double>.One + e);
        Vector256<double> small = z - z * z * z * (1.0 / 3);
        return Vector256.CopySign(Vector256.ConditionalSelect(Vector256.LessThan(z, Vector256.Create(1e-4)), small, large), x);
    }

    public static double Apply(double x) => System.Math.Tanh(x);
}

/// <summary>
/// e^x of four doubles for the widened functions: .NET's Vector256.Exp of doubles runs element by element on AVX2
/// (8 ns per element measured; this is about 1). 2^k · e^r with k = round(x/ln 2), r = x − k·ln 2 (|r| ≤ ln2/2, ln 2
/// split in two so r is exact) and e^r by its Taylor series to r^11/11! (relative error under 3e-13). x is clamped to
/// [−708, 709], so results stay normal (at least 3e-308, never 0) and finite (at most 8e307, never ∞); NaN stays NaN.
/// </summary>
internal static class WidenedMath
{
    private const double Log2E = 1.4426950408889634, Ln2High = 0.693147180369123816490, Ln2Low = 1.90821492927058770002e-10;

    // Adding 1.5·2^52 rounds a double below 2^51 to an integer and leaves it in the low bits of the sum.
    private const double RoundingShift = 6755399441055744.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        // The native min and max (NaN is restored last, whatever they make of it).
        Vector256<double> clamped = Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(-708.0)), Vector256.Create(709.0));
        Vector256<double> shifted = Vector256.MultiplyAddEstimate(clamped, Vector256.Create(Log2E), Vector256.Create(RoundingShift));
        Vector256<double> k = shifted - Vector256.Create(RoundingShift);
        Vector256<double> r = Vector256.MultiplyAddEstimate(k, Vector256.Create(-Ln2High), clamped);
        r = Vector256.MultiplyAddEstimate(k, Vector256.Create(-Ln2Low), r);
        // Horner's rule written out with constant terms (a loop over a table of them ran at a third of the speed).
        Vector256<double> series = Vector256.MultiplyAddEstimate(Vector256.Create(1 / 39916800.0), r, Vector256.Create(1 / 3628800.0));
        series = Vector256.MultiplyAddEstimate(series, r, Vector256.Create(1 / 362880.0));
        series = Vector256.MultiplyAddEstimate(series, r, Vector256.Create(1 / 40320.0));
        series = Vector256.MultiplyAddEstimate(series, r, Vector256.Create(1 / 5040.0));
        series = Vector256.MultiplyAddEstimate(series, r, Vector256.Create(1 / 720.0));
        series = Vector256.MultiplyAddEstimate(series, r, Vector256.Create(1 / 120.0));
        series = Vector256.MultiplyAddEstimate(series, r, Vector256.Create(1 / 24.0));
        series = Vector256.MultiplyAddEstimate(series, r, Vector256.Create(1 / 6.0));
        series = Vector256.MultiplyAddEstimate(series, r, Vector256.Create(0.5));
        series = Vector256.MultiplyAddEstimate(series, r, Vector256<double>.One);
        series = Vector256.MultiplyAddEstimate(series, r, Vector256<double>.One);
        Vector256<long> exponent = (shifted.AsInt64() - Vector256.Create(RoundingShift).AsInt64() + Vector256.Create(1023L)) << 52;
        Vector256<double> result = series * exponent.AsDouble();
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }
}
