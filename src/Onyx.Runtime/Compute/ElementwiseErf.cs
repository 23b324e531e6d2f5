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

    /// <summary>Gelu's exact form x·Φ(x) = x/2 · (1 + erf(x/√2)) of each element, computed in double.</summary>
    public static void Gelu(ReadOnlySpan<float> x, Span<float> y) => WidenedMap.Map<GeluTransform>(x, y);

    private readonly struct ErfTransform : IWidenedFunction
    {
        public static Vector256<double> Apply(Vector256<double> x) => Erf(x);

        public static double Apply(double x) => Erf(x);
    }

    /// <summary>
    /// x·Φ(x) with 2Φ(x) = erfc(|x|/√2) below 0 and 2 − erfc(|x|/√2) above: erfc's relative error (under 1.2e-7)
    /// carries to the result on both sides, and erf's series is not needed.
    /// </summary>
    private readonly struct GeluTransform : IWidenedFunction
    {
        private const double InverseSqrt2 = 0.70710678118654752440;

        public static Vector256<double> Apply(Vector256<double> x)
        {
            Vector256<double> erfc = Erfc(Vector256.Abs(x) * InverseSqrt2);
            Vector256<double> twicePhi = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), erfc, Vector256.Create(2.0) - erfc);
            return 0.5 * x * twicePhi;
        }

        public static double Apply(double x) => 0.5 * x * (1 + Erf(x * InverseSqrt2));
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
