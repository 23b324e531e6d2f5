using System.Numerics;
using System.Numerics.Tensors;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>Element-wise math of one input, every version: the functions of floats and those of every numeric type.</summary>
internal static class UnaryKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        NumericSpan<AbsOp>("Abs"),
        NumericSpan<NegOp>("Neg"),
        Numeric<SignOp>("Sign"),
        Real<CeilOp>("Ceil"),
        Real<FloorOp>("Floor"),
        Real<RoundOp>("Round"),
        RealSpan<SqrtOp>("Sqrt"),
        Real<ReciprocalOp>("Reciprocal"),
        RealSpan<ExpOp>("Exp"),
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
        KernelRegistration.All(opType, _ => ElementwiseKernel.Unary((context, x) => ElementwiseLoops.Map(context, x, "X", op, ElementwiseKernel.ResultIsOutput(context))));

    /// <summary><see cref="Real{TOp}"/> with float tensors mapped as one span.</summary>
    public static KernelRegistration RealSpan<TOp>(string opType, TOp op = default) where TOp : struct, IRealFunction, IFloatSpanFunction =>
        KernelRegistration.All(opType, _ => ElementwiseKernel.Unary((context, x) =>
            x.DataType == DataType.Float ? ElementwiseLoops.MapSpan(x, op, ElementwiseKernel.ResultIsOutput(context) ? context : null) : ElementwiseLoops.Map(context, x, "X", op, ElementwiseKernel.ResultIsOutput(context))));

    /// <summary>Every version of a numeric function of one input.</summary>
    public static KernelRegistration Numeric<TOp>(string opType, TOp op = default) where TOp : struct, INumericFunction =>
        KernelRegistration.All(opType, _ => ElementwiseKernel.Unary((context, x) => ElementwiseLoops.MapNumeric(context, x, "X", op, ElementwiseKernel.ResultIsOutput(context))));

    /// <summary><see cref="Numeric{TOp}"/> with float tensors mapped as one span.</summary>
    public static KernelRegistration NumericSpan<TOp>(string opType, TOp op = default) where TOp : struct, INumericFunction, IFloatSpanFunction =>
        KernelRegistration.All(opType, _ => ElementwiseKernel.Unary((context, x) =>
            x.DataType == DataType.Float ? ElementwiseLoops.MapSpan(x, op, ElementwiseKernel.ResultIsOutput(context) ? context : null) : ElementwiseLoops.MapNumeric(context, x, "X", op, ElementwiseKernel.ResultIsOutput(context))));

    /// <summary>Erf also takes integers (Erf-9 on): computed in double and converted back by the rules of Cast, as the reference does.</summary>
    private static Tensor Erf(KernelContext context, Tensor x) => x.DataType == DataType.Float ? ElementwiseLoops.MapSpan(x, default(ErfOp))
        : Conversion.IsReal(x.DataType) ? ElementwiseLoops.Map(context, x, "input", default(ErfOp))
        : ElementwiseKernel.Convert(ElementwiseLoops.Map(context, ElementwiseKernel.Convert(x, DataType.Double), "input", default(ErfOp)), x.DataType);

    /// <summary>|x|; the most negative integer wraps to itself, as two's complement negation does.</summary>
    private readonly struct AbsOp : INumericFunction, IFloatSpanFunction
    {
        public T Apply<T>(T x) where T : INumber<T> => T.IsNegative(x) ? -x : x;

        public void Apply(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Abs(x, y);
    }

    private readonly struct NegOp : INumericFunction, IFloatSpanFunction
    {
        public T Apply<T>(T x) where T : INumber<T> => -x;

        public void Apply(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Negate(x, y);
    }

    /// <summary>-1, 0 or 1; NaN stays NaN.</summary>
    private readonly struct SignOp : INumericFunction
    {
        public T Apply<T>(T x) where T : INumber<T> => T.IsNaN(x) ? x : T.IsZero(x) ? T.Zero : T.IsNegative(x) ? -T.One : T.One;
    }

    private readonly struct CeilOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Ceiling(x); }

    private readonly struct FloorOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Floor(x); }

    /// <summary>Halves round to the nearest even integer (Operators.md, Round).</summary>
    private readonly struct RoundOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Round(x, MidpointRounding.ToEven); }

    private readonly struct SqrtOp : IRealFunction, IFloatSpanFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Sqrt(x);

        public void Apply(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Sqrt(x, y);
    }

    private readonly struct ReciprocalOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.One / x; }

    private readonly struct ExpOp : IRealFunction, IFloatSpanFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Exp(x);

        public void Apply(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Exp(x, y);
    }

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

    private readonly struct ErfOp : IRealFunction, IFloatSpanFunction
    {
        public void Apply(ReadOnlySpan<float> x, Span<float> y) => ElementwiseErf.Erf(x, y);

        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.CreateChecked(ElementwiseErf.Erf(double.CreateChecked(x)));
    }
}
