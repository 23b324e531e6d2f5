namespace Onyx.Operators;

/// <summary>
/// How an elementwise operator combines known integer values (data propagation through shape arithmetic).
/// <paramref name="Identity"/> is the right operand that leaves the left one unchanged (0 for Add and Sub, 1 for Mul and
/// Div), so a symbolic dim flows through; a <paramref name="Commutative"/> operation accepts it on the left too.
/// </summary>
internal sealed record IntegerOperation(Func<long, long, long> Compute, long? Identity = null, bool Commutative = false)
{
    public static readonly IntegerOperation Sum = new((a, b) => checked(a + b), 0, Commutative: true);

    public static readonly IntegerOperation Difference = new((a, b) => checked(a - b), 0);

    public static readonly IntegerOperation Product = new((a, b) => checked(a * b), 1, Commutative: true);

    /// <summary>Integer Div truncates toward zero, as C does.</summary>
    public static readonly IntegerOperation Quotient = new((a, b) => checked(a / b), 1);

    public static readonly IntegerOperation Maximum = new(Math.Max);

    public static readonly IntegerOperation Minimum = new(Math.Min);

    /// <summary>Integer Mod: with fmod=0 the remainder takes the divisor's sign (Python's %), with fmod=1 the dividend's (C's fmod).</summary>
    public static IntegerOperation Modulo(bool fmod) => new((a, b) =>
    {
        long r = a % b;
        return !fmod && r != 0 && (r < 0) != (b < 0) ? r + b : r;
    });

    /// <summary>The result for two dims: computed when both are known, the other operand when one is the identity, else unknown.</summary>
    public Dim Apply(Dim a, Dim b)
    {
        if (a.Value is long x && b.Value is long y)
            return Evaluate(() => Compute(x, y));
        if (Identity is long identity && b.Value == identity)
            return a;
        if (Commutative && Identity is long leftIdentity && a.Value == leftIdentity)
            return b;
        return new Dim();
    }

    /// <summary>The computed value as a known dim, or an unknown dim when it overflows or divides by zero.</summary>
    public static Dim Evaluate(Func<long> compute)
    {
        try
        {
            return new Dim(compute());
        }
        catch (Exception e) when (e is OverflowException or DivideByZeroException)
        {
            return new Dim();
        }
    }
}
