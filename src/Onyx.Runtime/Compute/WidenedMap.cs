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
        Vector256<double> z = Vector256.Abs(x), e = Vector256.Exp(-2.0 * z);
        Vector256<double> large = (Vector256<double>.One - e) / (Vector256<double>.One + e);
        Vector256<double> small = z - z * z * z * (1.0 / 3);
        return Vector256.CopySign(Vector256.ConditionalSelect(Vector256.LessThan(z, Vector256.Create(1e-4)), small, large), x);
    }

    public static double Apply(double x) => System.Math.Tanh(x);
}
