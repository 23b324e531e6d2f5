using System.Numerics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>Element-wise math of one input, every version: the functions of floats and those of every numeric type.</summary>
internal static class UnaryKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        Numeric<AbsOp>("Abs"),
        Numeric<NegOp>("Neg"),
        Numeric<SignOp>("Sign"),
        Real<CeilOp>("Ceil"),
        Real<FloorOp>("Floor"),
        Real<RoundOp>("Round"),
        Real<SqrtOp>("Sqrt"),
        Real<ReciprocalOp>("Reciprocal"),
        Real<ExpOp>("Exp"),
        Real<LogOp>("Log"),
        Real<SinOp>("Sin"),
        Real<CosOp>("Cos"),
        Real<TanOp>("Tan"),
        Real<AsinOp>("Asin"),
        Real<AcosOp>("Acos"),
        Real<AtanOp>("Atan"),
        Real<SinhOp>("Sinh"),
        Real<CoshOp>("Cosh"),
        Real<AsinhOp>("Asinh"),
        Real<AcoshOp>("Acosh"),
        Real<AtanhOp>("Atanh"),
        KernelRegistration.All("Erf", _ => ElementwiseKernel.Unary(Erf)),
    ];

    /// <summary>Every version of a float function of one input.</summary>
    public static KernelRegistration Real<TOp>(string opType, TOp op = default) where TOp : struct, IRealFunction =>
        KernelRegistration.All(opType, _ => ElementwiseKernel.Unary((context, x) => ElementwiseLoops.Map(context, x, "X", op)));

    /// <summary>Every version of a numeric function of one input.</summary>
    public static KernelRegistration Numeric<TOp>(string opType, TOp op = default) where TOp : struct, INumericFunction =>
        KernelRegistration.All(opType, _ => ElementwiseKernel.Unary((context, x) => ElementwiseLoops.MapNumeric(context, x, "X", op)));

    /// <summary>Erf also takes integers (Erf-9 on): computed in double and converted back by the rules of Cast, as the reference does.</summary>
    private static Tensor Erf(KernelContext context, Tensor x) => Conversion.IsReal(x.DataType)
        ? ElementwiseLoops.Map(context, x, "input", default(ErfOp))
        : ElementwiseKernel.Convert(ElementwiseLoops.Map(context, ElementwiseKernel.Convert(x, DataType.Double), "input", default(ErfOp)), x.DataType);

    /// <summary>|x|; the most negative integer wraps to itself, as two's complement negation does.</summary>
    private readonly struct AbsOp : INumericFunction { public T Apply<T>(T x) where T : INumber<T> => T.IsNegative(x) ? -x : x; }

    private readonly struct NegOp : INumericFunction { public T Apply<T>(T x) where T : INumber<T> => -x; }

    /// <summary>-1, 0 or 1; NaN stays NaN.</summary>
    private readonly struct SignOp : INumericFunction
    {
        public T Apply<T>(T x) where T : INumber<T> => T.IsNaN(x) ? x : T.IsZero(x) ? T.Zero : T.IsNegative(x) ? -T.One : T.One;
    }

    private readonly struct CeilOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Ceiling(x); }

    private readonly struct FloorOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Floor(x); }

    /// <summary>Halves round to the nearest even integer (Operators.md, Round).</summary>
    private readonly struct RoundOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Round(x, MidpointRounding.ToEven); }

    private readonly struct SqrtOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Sqrt(x); }

    private readonly struct ReciprocalOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.One / x; }

    private readonly struct ExpOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Exp(x); }

    private readonly struct LogOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Log(x); }

    private readonly struct SinOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Sin(x); }

    private readonly struct CosOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Cos(x); }

    private readonly struct TanOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Tan(x); }

    private readonly struct AsinOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Asin(x); }

    private readonly struct AcosOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Acos(x); }

    private readonly struct AtanOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Atan(x); }

    private readonly struct SinhOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Sinh(x); }

    private readonly struct CoshOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Cosh(x); }

    private readonly struct AsinhOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Asinh(x); }

    private readonly struct AcoshOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Acosh(x); }

    private readonly struct AtanhOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Atanh(x); }

    private readonly struct ErfOp : IRealFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.CreateChecked(ElementwiseErf.Erf(double.CreateChecked(x)));
    }
}
