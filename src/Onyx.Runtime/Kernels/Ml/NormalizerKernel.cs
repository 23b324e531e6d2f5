using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// Normalizer (Operators-ml.md): divides each row of X (the last axis; [N, C] or one row [C]) by its MAX (the
/// largest value, as the spec writes it), L1 (the sum of magnitudes) or L2 (the Euclidean length, signs kept) norm,
/// as float; a row whose divisor is zero is copied unchanged, as the spec says.
/// </summary>
internal static class NormalizerKernel
{
    private enum Norm { Max, L1, L2 }

    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "Normalizer", 1, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        Norm norm = node.Choice("norm", "MAX", ("MAX", Norm.Max), ("L1", Norm.L1), ("L2", Norm.L2));
        return new DelegateKernel(context =>
        {
            Tensor x = context.Tensor(0);
            double[] values = MlTypedTensors.ReadReals(context, x, 0);
            int columns = (int)FeatureCounts.Of(x);
            Span<float> y = context.Output<float>(0, DataType.Float, x.Dims);
            for (int start = 0; start < values.Length; start += columns)
            {
                ReadOnlySpan<double> row = values.AsSpan(start, columns);
                double divisor = Divisor(row, norm);
                for (int i = 0; i < row.Length; i++)
                    y[start + i] = (float)(divisor == 0 ? row[i] : row[i] / divisor);
            }
        });
    }

    private static double Divisor(ReadOnlySpan<double> row, Norm norm)
    {
        double result = norm == Norm.Max ? double.NegativeInfinity : 0;
        foreach (double v in row)
        {
            result = norm switch
            {
                Norm.Max => System.Math.Max(result, v),
                Norm.L1 => result + System.Math.Abs(v),
                _ => result + v * v,
            };
        }
        return norm == Norm.L2 ? System.Math.Sqrt(result) : result;
    }
}
