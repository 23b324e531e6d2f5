using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Onyx.Runtime.Compute;

/// <summary>The error function, which .NET lacks: to double precision, and vectorised for float spans.</summary>
internal static class ElementwiseErf
{
    private static readonly double TwoOverSqrtPi = 2 / System.Math.Sqrt(System.Math.PI);

    /// <summary>
    /// The Maclaurin coefficients of erf(x)/x in powers of x², (2/√π)(−1)ⁿ/(n!(2n+1)) for n ≤ 12: below |x| = 1 the
    /// next term is under 1e-10 and no term cancels much.
    /// </summary>
    private static readonly double[] Series = SeriesCoefficients(13);

    /// <summary>
    /// erf(x): its Maclaurin series below |x| = 3 (terms stay below e^9, so about four of sixteen digits cancel), and
    /// above, 1 - erfc(x) with erfc from its continued fraction, which converges fast there.
    /// </summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
            return x;
        double ax = System.Math.Abs(x);
        if (ax >= 6)
            return System.Math.Sign(x);
        if (ax < 3)
        {
            double term = x, sum = x, square = x * x;
            for (int n = 1; System.Math.Abs(term) > 1e-17 * System.Math.Abs(sum); n++)
            {
                term *= -square / n;
                sum += term / (2 * n + 1);
            }
            return TwoOverSqrtPi * sum;
        }
        // erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the tail.
        double fraction = ax;
        for (int k = 60; k >= 1; k--)
            fraction = ax + k / 2.0 / fraction;
        double erfc = System.Math.Exp(-ax * ax) / System.Math.Sqrt(System.Math.PI) / fraction;
        return System.Math.Sign(x) * (1 - erfc);
    }

    /// <summary>erf of each element of <paramref name="x"/> into <paramref name="y"/>, computed in double (relative error under 1e-7).</summary>
    public static void Erf(ReadOnlySpan<float> x, Span<float> y) => WidenedMap.Map<ErfTransform>(x, y);

    /// <summary>
    /// Gelu's exact form x·Φ(x) = x/2 · (1 + erf(x/√2)) of each element, eight floats at a time where vectors are
    /// accelerated (<see cref="GeluLanes"/>), else through erf in double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gelu(ReadOnlySpan<float> x, Span<float> y)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            for (int j = 0; j < x.Length; j++)
                y[j] = (float)(0.5 * x[j] * (1 + Erf(x[j] * 0.70710678118654752440)));
            return;
        }
        int i = 0;
        for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            GeluLanes(Vector256.Create(x.Slice(i))).CopyTo(y.Slice(i));
        if (i < x.Length)
        {
            Span<float> block = stackalloc float[Vector256<float>.Count];
            block.Clear();
            x.Slice(i).CopyTo(block);
            GeluLanes(Vector256.Create(block)).CopyTo(block);
            block.Slice(0, x.Length - i).CopyTo(y.Slice(i));
        }
    }

    /// <summary>
    /// x·Φ(x) of eight floats, in float: 2Φ(x) = erfc(|x|/√2) below 0 and 2 − erfc(|x|/√2) above, erfc(z) =
    /// t·exp(−z² + P(t)) as in <see cref="Erfc"/>. The exponent's −z² = −x²/2 is kept exact as two floats (x² split by
    /// an FMA), because e^(−z²) magnifies an error in z² by z² (80 at the far end). Relative error under 7e-7 for every
    /// x (measured against the double form over [−15, 15]); results below float's smallest denormal are 0, NaN stays
    /// NaN, and ±∞ give what x/2 · (1 + erf(x/√2)) gives (∞, and NaN for −∞). Results in float's denormals keep
    /// fewer digits, as denormals do.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> GeluLanes(Vector256<float> x)
    {
        const float InverseSqrt2 = 0.70710678f, Log2E = 1.44269504f, Ln2High = 0.693145752f, Ln2Low = 1.42860677e-6f;
        // Past |x| = 15 the exponent is below −112 (erfc under 1e-49): the clamp keeps ∞ out of the arithmetic.
        Vector256<float> xc = Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(-15f)), Vector256.Create(15f));
        Vector256<float> t = Vector256<float>.One / (Vector256<float>.One + Vector256.Abs(xc) * (0.5f * InverseSqrt2));
        Vector256<float> p = Vector256.Create(0.17087277f);
        p = Vector256.FusedMultiplyAdd(p, t, Vector256.Create(-0.82215223f));
        p = Vector256.FusedMultiplyAdd(p, t, Vector256.Create(1.48851587f));
        p = Vector256.FusedMultiplyAdd(p, t, Vector256.Create(-1.13520398f));
        p = Vector256.FusedMultiplyAdd(p, t, Vector256.Create(0.27886807f));
        p = Vector256.FusedMultiplyAdd(p, t, Vector256.Create(-0.18628806f));
        p = Vector256.FusedMultiplyAdd(p, t, Vector256.Create(0.09678418f));
        p = Vector256.FusedMultiplyAdd(p, t, Vector256.Create(0.37409196f));
        p = Vector256.FusedMultiplyAdd(p, t, Vector256.Create(1.00002368f));
        p = Vector256.FusedMultiplyAdd(p, t, Vector256.Create(-1.26551223f));
        // The exponent a + b: a = −x²/2 rounded (exact halving), b = P(t) less the half of x²'s rounding error.
        Vector256<float> square = xc * xc, a = square * -0.5f;
        Vector256<float> b = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(xc, xc, -square), Vector256.Create(-0.5f), p);
        // e^(a+b) = 2^n · e^r: n·Ln2High is exact (Ln2High has 12 low zero bits), and so is a − n·Ln2High (close numbers).
        Vector256<float> n = Vector256.Round((a + b) * Log2E);
        Vector256<float> r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Ln2High), a);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-Ln2Low), r) + b;
        Vector256<float> e = Vector256.Create(1f / 5040);
        e = Vector256.FusedMultiplyAdd(e, r, Vector256.Create(1f / 720));
        e = Vector256.FusedMultiplyAdd(e, r, Vector256.Create(1f / 120));
        e = Vector256.FusedMultiplyAdd(e, r, Vector256.Create(1f / 24));
        e = Vector256.FusedMultiplyAdd(e, r, Vector256.Create(1f / 6));
        e = Vector256.FusedMultiplyAdd(e, r, Vector256.Create(0.5f));
        e = Vector256.FusedMultiplyAdd(e, r, Vector256<float>.One);
        e = Vector256.FusedMultiplyAdd(e, r, Vector256<float>.One);
        // 2^n as two factors, each a normal float (n ≥ −164 here), so that erfc may end in the denormals.
        Vector256<int> whole = Vector256.ConvertToInt32(n), half = whole >> 1;
        Vector256<float> scale1 = ((half + Vector256.Create(127)) << 23).AsSingle(), scale2 = ((whole - half + Vector256.Create(127)) << 23).AsSingle();
        Vector256<float> erfc = t * e * scale1 * scale2, halfX = x * 0.5f;
        Vector256<float> below = halfX * erfc, above = halfX * (Vector256.Create(2f) - erfc);
        return Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), below, above);
    }

    private readonly struct ErfTransform : IWidenedFunction
    {
        public static Vector256<double> Apply(Vector256<double> x) => Erf(x);

        public static double Apply(double x) => Erf(x);
    }

    /// <summary>
    /// erf of four doubles: the series below |x| = 1; above, 1 − erfc(|x|) (relative error under 2e-8 there), the
    /// sign restored last. NaN stays NaN; ±∞ give ±1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Erf(Vector256<double> x)
    {
        Vector256<double> z = Vector256.Abs(x), square = z * z;
        Vector256<double> series = Vector256.Create(Series[^1]);
        for (int k = Series.Length - 2; k >= 0; k--)
            series = Vector256.MultiplyAddEstimate(series, square, Vector256.Create(Series[k]));
        Vector256<double> result = Vector256.ConditionalSelect(Vector256.LessThan(z, Vector256<double>.One), z * series, Vector256<double>.One - Erfc(z));
        return Vector256.CopySign(result, x);
    }

    /// <summary>
    /// erfc(z) of four doubles z ≥ 0 (NaN stays NaN): t·exp(−z² + P(t)), t = 1/(1 + z/2), P the Chebyshev-fitted
    /// polynomial of Numerical Recipes (erfcc), relative error under 1.2e-7 for every z ≥ 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Erfc(Vector256<double> z)
    {
        Vector256<double> t = Vector256<double>.One / (Vector256<double>.One + 0.5 * z);
        Vector256<double> p = Vector256.Create(0.17087277);
        p = Vector256.MultiplyAddEstimate(p, t, Vector256.Create(-0.82215223));
        p = Vector256.MultiplyAddEstimate(p, t, Vector256.Create(1.48851587));
        p = Vector256.MultiplyAddEstimate(p, t, Vector256.Create(-1.13520398));
        p = Vector256.MultiplyAddEstimate(p, t, Vector256.Create(0.27886807));
        p = Vector256.MultiplyAddEstimate(p, t, Vector256.Create(-0.18628806));
        p = Vector256.MultiplyAddEstimate(p, t, Vector256.Create(0.09678418));
        p = Vector256.MultiplyAddEstimate(p, t, Vector256.Create(0.37409196));
        p = Vector256.MultiplyAddEstimate(p, t, Vector256.Create(1.00002368));
        p = Vector256.MultiplyAddEstimate(p, t, Vector256.Create(-1.26551223));
        return t * WidenedMath.Exp(p - z * z);
    }

    private static double[] SeriesCoefficients(int count)
    {
        var c = new double[count];
        double factorial = 1;
        for (int n = 0; n < count; n++)
        {
            if (n > 0)
                factorial *= n;
            c[n] = TwoOverSqrtPi * (n % 2 == 0 ? 1 : -1) / (factorial * (2 * n + 1));
        }
        return c;
    }
}
