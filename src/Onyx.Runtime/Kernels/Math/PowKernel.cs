using System.Numerics.Tensors;
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
            if (x.DataType == DataType.Float && SmallPower(y, yDims, x.Dims.Length) is { } small)
                return ElementwiseLoops.MapSpan(x, small);
            if (Conversion.IsInteger(x.DataType) && Conversion.IsInteger(y.DataType))
                return ElementwiseLoops.ZipInteger(context, x, ElementwiseKernel.Convert(y, x.DataType), yDims, default(IntegerPowOp));
            if (Conversion.IsReal(x.DataType))
                return ElementwiseLoops.Zip(context, x, ElementwiseKernel.Convert(y, x.DataType), yDims, default(RealPowOp));
            Tensor power = ElementwiseLoops.Zip(context, ElementwiseKernel.Convert(x, DataType.Double), ElementwiseKernel.Convert(y, DataType.Double), yDims, default(RealPowOp));
            return ElementwiseKernel.Convert(power, x.DataType);
        })),
    ];

    /// <summary>The float form of a scalar exponent 2, 3 or ½ that leaves the base's shape alone; null for any other.</summary>
    private static FloatPowerOp? SmallPower(Tensor y, IReadOnlyList<long> yDims, int rank)
    {
        if (y.ElementCount != 1 || yDims.Count > rank || !Conversion.IsReal(y.DataType) && !Conversion.IsInteger(y.DataType))
            return null;
        double exponent = ElementwiseKernel.Convert(y, DataType.Double).AsSpan<double>()[0];
        return exponent is 2 or 3 or 0.5 ? new FloatPowerOp(exponent) : null;
    }

    /// <summary>
    /// x², x³ or √x on float spans; √ is pow's square root: pow(−0, ½) = +0 and pow(−∞, ½) = +∞ (C's pow, which the
    /// reference's numpy uses), where IEEE sqrt gives −0 and NaN.
    /// </summary>
    private readonly record struct FloatPowerOp(double Exponent) : IFloatSpanFunction
    {
        public void Apply(ReadOnlySpan<float> x, Span<float> y)
        {
            switch (Exponent)
            {
                case 2:
                    TensorPrimitives.Multiply(x, x, y);
                    break;
                case 3:
                    TensorPrimitives.Multiply(x, x, y);
                    TensorPrimitives.Multiply(y, x, y);
                    break;
                default:
                    TensorPrimitives.Sqrt(x, y);
                    TensorPrimitives.Add(y, 0f, y);
                    for (int i = 0; i < x.Length; i++)
                    {
                        if (float.IsNegativeInfinity(x[i]))
                            y[i] = float.PositiveInfinity;
                    }
                    break;
            }
        }
    }

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
