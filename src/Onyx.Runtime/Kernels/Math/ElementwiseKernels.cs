using System.Numerics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>Element-wise arithmetic with broadcasting (Add, Sub, Mul, Div) for every numeric element type and version.</summary>
internal static class ElementwiseKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Add", FloatRowArithmetic<AddOp, FloatAdd>),
        KernelRegistration.All("Sub", FloatRowArithmetic<SubOp, FloatSubtract>),
        KernelRegistration.All("Mul", FloatRowArithmetic<MulOp, FloatMultiply>),
        KernelRegistration.All("Div", FloatRowArithmetic<DivOp, FloatDivide>),
    ];

    /// <summary>A binary numeric kernel; an integer division by zero fails naming the divisor B.</summary>
    public static Kernel Arithmetic<TOp>(KernelNode node, TOp op = default) where TOp : struct, INumericOperator =>
        ElementwiseKernel.Binary(node, (context, a, b, bDims) => Zip(context, a, b, bDims, op, ElementwiseKernel.ResultIsOutput(context)));

    /// <summary><see cref="Arithmetic{TOp}"/> whose float inputs go row by row through <typeparamref name="TRows"/>.</summary>
    private static Kernel FloatRowArithmetic<TOp, TRows>(KernelNode node) where TOp : struct, INumericOperator where TRows : IFloatRowOperator =>
        ElementwiseKernel.Binary(node, (context, a, b, bDims) => a.DataType == DataType.Float && b.DataType == DataType.Float
            ? FloatBroadcast.Zip<TRows>(context, a, b, bDims, ElementwiseKernel.ResultIsOutput(context))
            : Zip(context, a, b, bDims, default(TOp), ElementwiseKernel.ResultIsOutput(context)));

    private static Tensor Zip<TOp>(KernelContext context, Tensor a, Tensor b, IReadOnlyList<long> bDims, TOp op, bool toOutput) where TOp : struct, INumericOperator
    {
        try
        {
            return ElementwiseLoops.Zip(context, a, b, bDims, op, toOutput);
        }
        catch (DivideByZeroException)
        {
            throw context.Fail($"input B ('{context.Node.Node.Inputs[1]}') holds a zero divisor of an integer division");
        }
    }

    private readonly struct AddOp : INumericOperator { public T Apply<T>(T a, T b) where T : INumber<T> => a + b; }

    private readonly struct SubOp : INumericOperator { public T Apply<T>(T a, T b) where T : INumber<T> => a - b; }

    private readonly struct MulOp : INumericOperator { public T Apply<T>(T a, T b) where T : INumber<T> => a * b; }

    /// <summary>Integer division truncates; MinValue / -1 wraps to MinValue as in C and numpy instead of overflowing.</summary>
    private readonly struct DivOp : INumericOperator
    {
        public T Apply<T>(T a, T b) where T : INumber<T> => T.IsNegative(b) && b == -T.One ? -a : a / b;
    }
}
