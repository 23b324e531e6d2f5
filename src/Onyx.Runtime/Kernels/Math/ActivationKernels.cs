using System.Numerics;
using System.Numerics.Tensors;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>Activation functions, every version; their attributes are read once into the function's fields.</summary>
internal static class ActivationKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        UnaryKernels.NumericSpan<ReluOp>("Relu"),
        UnaryKernels.RealSpan<SigmoidOp>("Sigmoid"),
        UnaryKernels.RealSpan<TanhOp>("Tanh"),
        UnaryKernels.Real<SoftplusOp>("Softplus"),
        UnaryKernels.Real<SoftsignOp>("Softsign"),
        UnaryKernels.Real<MishOp>("Mish"),
        UnaryKernels.Real<HardSwishOp>("HardSwish"),
        Real("LeakyRelu", node => new LeakyReluOp(Alpha(node))),
        Real("Elu", node => new EluOp(Alpha(node))),
        Real("Selu", node => new SeluOp(Alpha(node), node.Attributes.Float("gamma") ?? 0)),
        Real("Celu", node => new CeluOp(Alpha(node))),
        Real("ThresholdedRelu", node => new ThresholdedReluOp(Alpha(node))),
        Real("HardSigmoid", node => new HardSigmoidOp(Alpha(node), node.Attributes.Float("beta") ?? 0)),
        Real("Swish", node => new SwishOp(Alpha(node))),
        KernelRegistration.All("Gelu", node =>
        {
            GeluOp op = GeluOp.Of(node);
            return ElementwiseKernel.Unary((context, x) => x.DataType == DataType.Float ? ElementwiseLoops.MapSpan(x, op, ElementwiseKernel.ResultIsOutput(context) ? context : null) : ElementwiseLoops.Map(context, x, "X", op, ElementwiseKernel.ResultIsOutput(context)));
        }),
        KernelRegistration.All("Shrink", node =>
        {
            var op = new ShrinkOp(node.Attributes.Float("bias") ?? 0, node.Attributes.Float("lambd") ?? 0);
            return ElementwiseKernel.Unary((context, x) => ElementwiseLoops.MapNumeric(context, x, "input", op, ElementwiseKernel.ResultIsOutput(context)));
        }),
        KernelRegistration.All("PRelu", PRelu),
        KernelRegistration.All("SwiGLU", SwiGLU),
    ];

    private static float Alpha(KernelNode node) => node.Attributes.Float("alpha") ?? 0;

    /// <summary>Every version of a float function whose attributes <paramref name="read"/> turns into the function.</summary>
    private static KernelRegistration Real<TOp>(string opType, Func<KernelNode, TOp> read) where TOp : struct, IRealFunction =>
        KernelRegistration.All(opType, node =>
        {
            TOp op = read(node);
            return ElementwiseKernel.Unary((context, x) => ElementwiseLoops.Map(context, x, "X", op, ElementwiseKernel.ResultIsOutput(context)));
        });

    /// <summary>
    /// PRelu: slope broadcasts unidirectionally to X (Operators.md, PRelu-7 on). Before version 7 the spec said no
    /// more, and exporters of that time gave a 1-D slope per channel (axis 1), as Caffe's PReLU has it.
    /// </summary>
    private static Kernel PRelu(KernelNode node) => ElementwiseKernel.Binary(node, (context, x, slope, slopeDims) =>
    {
        if (node.Version < 7 && slopeDims.Count == 1 && x.Dims.Length >= 2 && slopeDims[0] == x.Dims[1] && slopeDims[0] != 1)
            slopeDims = [slopeDims[0], .. Enumerable.Repeat(1L, x.Dims.Length - 2)];
        if (Broadcasting.Shape(x.Dims, slopeDims) is not { } dims || !dims.AsSpan().SequenceEqual(x.Dims))
            throw context.Fail($"input slope [{string.Join(",", slopeDims)}] does not broadcast to X's shape [{string.Join(",", x.Dims)}]");
        return ElementwiseLoops.Zip(context, x, slope, slopeDims, default(PReluOp));
    });

    /// <summary>SwiGLU: Swish(A) · B, A and B of one shape.</summary>
    private static Kernel SwiGLU(KernelNode node)
    {
        var swish = new SwishOp(Alpha(node));
        return ElementwiseKernel.Binary(node, (context, a, b, bDims) =>
        {
            if (!a.Dims.AsSpan().SequenceEqual(b.Dims))
                throw context.Fail($"inputs A [{string.Join(",", a.Dims)}] and B [{string.Join(",", b.Dims)}] must have one shape");
            return ElementwiseLoops.Zip(context, ElementwiseLoops.Map(context, a, "A", swish), b, bDims, default(MulOp));
        });
    }

    /// <summary>max(x, 0); NaN stays NaN.</summary>
    private readonly struct ReluOp : INumericFunction, IFloatSpanFunction
    {
        public T Apply<T>(T x) where T : INumber<T> => T.Max(x, T.Zero);

        public void Apply(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Max(x, 0f, y);
    }

    private readonly struct PReluOp : INumericOperator { public T Apply<T>(T x, T slope) where T : INumber<T> => T.IsNegative(x) ? slope * x : x; }

    private readonly struct MulOp : INumericOperator { public T Apply<T>(T a, T b) where T : INumber<T> => a * b; }

    /// <summary>1 / (1 + e^-x), written with e^x for negative x so that e^-x cannot overflow.</summary>
    private readonly struct SigmoidOp : IRealFunction, IFloatSpanFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => Sigmoid(x);

        public void Apply(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Sigmoid(x, y);

        public static T Sigmoid<T>(T x) where T : IFloatingPointIeee754<T>
        {
            if (T.IsNegative(x))
            {
                T e = T.Exp(x);
                return e / (T.One + e);
            }
            return T.One / (T.One + T.Exp(-x));
        }
    }

    private readonly struct TanhOp : IRealFunction, IFloatSpanFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Tanh(x);

        public void Apply(ReadOnlySpan<float> x, Span<float> y) => WidenedMap.Map<WidenedTanh>(x, y);
    }

    /// <summary>ln(1 + e^x) = max(x, 0) + ln(1 + e^-|x|), which does not overflow.</summary>
    private readonly struct SoftplusOp : IRealFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => Softplus(x);

        public static T Softplus<T>(T x) where T : IFloatingPointIeee754<T> => T.Max(x, T.Zero) + T.Log(T.One + T.Exp(-T.Abs(x)));
    }

    private readonly struct SoftsignOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => x / (T.One + T.Abs(x)); }

    /// <summary>x · tanh(softplus(x)).</summary>
    private readonly struct MishOp : IRealFunction { public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => x * T.Tanh(SoftplusOp.Softplus(x)); }

    /// <summary>x · max(0, min(1, x/6 + 1/2)).</summary>
    private readonly struct HardSwishOp : IRealFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => x * T.Clamp(x / T.CreateChecked(6) + T.CreateChecked(0.5), T.Zero, T.One);
    }

    private readonly record struct LeakyReluOp(float Alpha) : IRealFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.IsNegative(x) ? T.CreateChecked(Alpha) * x : x;
    }

    private readonly record struct EluOp(float Alpha) : IRealFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => x < T.Zero ? T.CreateChecked(Alpha) * (T.Exp(x) - T.One) : x;
    }

    private readonly record struct SeluOp(float Alpha, float Gamma) : IRealFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> =>
            T.CreateChecked(Gamma) * (x <= T.Zero ? T.CreateChecked(Alpha) * (T.Exp(x) - T.One) : x);
    }

    /// <summary>max(0, x) + min(0, α(e^(x/α) - 1)).</summary>
    private readonly record struct CeluOp(float Alpha) : IRealFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T>
        {
            T alpha = T.CreateChecked(Alpha);
            return T.Max(x, T.Zero) + T.Min(T.Zero, alpha * (T.Exp(x / alpha) - T.One));
        }
    }

    private readonly record struct ThresholdedReluOp(float Alpha) : IRealFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => x > T.CreateChecked(Alpha) ? x : T.Zero;
    }

    /// <summary>max(0, min(1, αx + β)).</summary>
    private readonly record struct HardSigmoidOp(float Alpha, float Beta) : IRealFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Clamp(T.CreateChecked(Alpha) * x + T.CreateChecked(Beta), T.Zero, T.One);
    }

    /// <summary>x · sigmoid(αx).</summary>
    private readonly record struct SwishOp(float Alpha) : IRealFunction
    {
        public T Apply<T>(T x) where T : IFloatingPointIeee754<T> => x * SigmoidOp.Sigmoid(T.CreateChecked(Alpha) * x);
    }

    /// <summary>x · Φ(x) exactly, through erf, or by the tanh estimate (Operators.md, Gelu-20).</summary>
    internal readonly record struct GeluOp(bool Tanh) : IRealFunction, IFloatSpanFunction
    {
        /// <summary>Elements per pass of the tanh form, so its passes stay in the first-level cache.</summary>
        private const int Block = 1024;

        public static GeluOp Of(KernelNode node) => node.Attributes.String("approximate", "none") switch
        {
            "none" => new(false),
            "tanh" => new(true),
            var other => throw node.Fail($"attribute approximate is '{other}'; expected 'none' or 'tanh'"),
        };

        public T Apply<T>(T x) where T : IFloatingPointIeee754<T>
        {
            double v = double.CreateChecked(x);
            double phi = Tanh
                ? 1 + System.Math.Tanh(System.Math.Sqrt(2 / System.Math.PI) * (v + 0.044715 * v * v * v))
                : 1 + ElementwiseErf.Erf(v / System.Math.Sqrt(2));
            return T.CreateChecked(0.5 * v * phi);
        }

        /// <summary>
        /// The tanh form as x·sigmoid(2u), u = √(2/π)(x + 0.044715x³), equal to x/2·(1 + tanh u) without the cancellation
        /// of 1 + tanh u for negative x; the exact form through the vectorised erf.
        /// </summary>
        public void Apply(ReadOnlySpan<float> x, Span<float> y)
        {
            if (!Tanh)
            {
                ElementwiseErf.Gelu(x, y);
                return;
            }
            const float TwiceScale = 1.5957691216057308f, Cubic = 0.044715f;
            // The factor is built in a block of its own, so y may be x itself (the fused activations work in place).
            Span<float> factor = stackalloc float[Block];
            for (int start = 0; start < x.Length; start += Block)
            {
                ReadOnlySpan<float> xs = x.Slice(start, System.Math.Min(Block, x.Length - start));
                Span<float> fs = factor[..xs.Length];
                TensorPrimitives.Multiply(xs, xs, fs);
                TensorPrimitives.Multiply(fs, TwiceScale * Cubic, fs);
                TensorPrimitives.Add(fs, TwiceScale, fs);
                TensorPrimitives.Multiply(fs, xs, fs);
                TensorPrimitives.Sigmoid(fs, fs);
                TensorPrimitives.Multiply(fs, xs, y.Slice(start, xs.Length));
            }
        }
    }

    /// <summary>x + bias below -λ, x - bias above λ, 0 between (Operators.md, Shrink); integers computed in double and saturated.</summary>
    private readonly record struct ShrinkOp(float Bias, float Lambd) : INumericFunction
    {
        public T Apply<T>(T x) where T : INumber<T>
        {
            double v = double.CreateChecked(x);
            return v < -Lambd ? T.CreateSaturating(v + Bias) : v > Lambd ? T.CreateSaturating(v - Bias) : T.Zero;
        }
    }
}
