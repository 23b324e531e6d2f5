namespace Onyx.Runtime.Compute;

/// <summary>The error function, which .NET lacks, to double precision.</summary>
internal static class ElementwiseErf
{
    private static readonly double TwoOverSqrtPi = 2 / System.Math.Sqrt(System.Math.PI);

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
}
