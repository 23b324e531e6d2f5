using System.Numerics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>
/// Pow, every version: the result has the base's type (from Pow-12 the exponent may have another). Integer powers of
/// integers are exact (wrapping on overflow, as numpy's); anything with a float is computed in double.
/// </summary>
internal static class PowKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Pow", node => ElementwiseKernel.Binary(node, (context, x, y, yDims) =>
        {
            if (Conversion.IsInteger(x.DataType) && Conversion.IsInteger(y.DataType))
                return ElementwiseLoops.ZipInteger(context, x, ElementwiseKernel.Convert(y, x.DataType), yDims, default(IntegerPowOp));
            if (Conversion.IsReal(x.DataType))
                return ElementwiseLoops.Zip(context, x, ElementwiseKernel.Convert(y, x.DataType), yDims, default(RealPowOp));
            Tensor power = ElementwiseLoops.Zip(context, ElementwiseKernel.Convert(x, DataType.Double), ElementwiseKernel.Convert(y, DataType.Double), yDims, default(RealPowOp));
            return ElementwiseKernel.Convert(power, x.DataType);
        })),
    ];

    private readonly struct RealPowOp : INumericOperator
    {
        public T Apply<T>(T a, T b) where T : INumber<T> => T.CreateChecked(System.Math.Pow(double.CreateChecked(a), double.CreateChecked(b)));
    }

    /// <summary>Squaring and multiplying; a negative exponent gives 1/a^n truncated (1 and -1 keep a magnitude of one).</summary>
    private readonly struct IntegerPowOp : IIntegerOperator
    {
        public T Apply<T>(T a, T b) where T : IBinaryInteger<T>
        {
            if (T.IsNegative(b))
                return a == T.One ? T.One : T.IsNegative(a) && a == -T.One ? (T.IsEvenInteger(b) ? T.One : a) : T.Zero;
            T result = T.One;
            for (T power = a, n = b; !T.IsZero(n); n >>= 1, power *= power)
            {
                if (T.IsOddInteger(n))
                    result *= power;
            }
            return result;
        }
    }
}
