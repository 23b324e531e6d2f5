using System.Numerics;
using Onyx.Runtime.Kernels.Reduce;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>
/// Det: the determinant of each square matrix in the last two dims of X ([..., M, M] gives [...]), by LU
/// decomposition with partial pivoting, computed in double.
/// </summary>
internal static class DetKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("Det", _ => new DelegateKernel(Run))];

    private static void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0);
        int rank = x.Dims.Length;
        if (rank < 2 || x.Dims[^1] != x.Dims[^2])
            throw context.Fail($"input 'X' must be a batch of square matrices [..., M, M], found [{string.Join(",", x.Dims)}]");
        ComputeElements.Dispatch(context, x.DataType, new Body(x, x.Dims[..^2], (int)x.Dims[^1]));
    }

    private readonly struct Body(Tensor input, long[] dims, int size) : IElementBody
    {
        public void Run<T>(KernelContext context) where T : unmanaged, INumber<T>
        {
            ReadOnlySpan<T> x = ComputeElements.Read<T>(input);
            Span<T> y = ComputeElements.Output<T>(context, 0, input.DataType, dims);
            var matrix = new double[size * size];
            for (int b = 0; b < y.Length; b++)
            {
                ReadOnlySpan<T> source = x.Slice(b * matrix.Length, matrix.Length);
                for (int i = 0; i < matrix.Length; i++)
                    matrix[i] = double.CreateTruncating(source[i]);
                y[b] = T.CreateTruncating(Determinant(matrix, size));
            }
            ComputeElements.Store<T>(context, 0, input.DataType, dims, y);
        }
    }

    /// <summary>Destroys <paramref name="a"/> (row-major n×n) turning it into its LU factors.</summary>
    private static double Determinant(double[] a, int n)
    {
        double det = 1;
        for (int column = 0; column < n; column++)
        {
            int pivot = column;
            for (int row = column + 1; row < n; row++)
            {
                if (System.Math.Abs(a[row * n + column]) > System.Math.Abs(a[pivot * n + column]))
                    pivot = row;
            }
            double p = a[pivot * n + column];
            if (p == 0)
                return 0;
            if (pivot != column)
            {
                for (int c = column; c < n; c++)
                    (a[pivot * n + c], a[column * n + c]) = (a[column * n + c], a[pivot * n + c]);
                det = -det;
            }
            det *= p;
            for (int row = column + 1; row < n; row++)
            {
                double factor = a[row * n + column] / p;
                for (int c = column + 1; c < n; c++)
                    a[row * n + c] -= factor * a[column * n + c];
            }
        }
        return det;
    }
}
