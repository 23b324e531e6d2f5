using System.Numerics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>Element-wise arithmetic with broadcasting (Add, Sub, Mul, Div) for every numeric element type and version.</summary>
internal static class ElementwiseKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Add", node => Arithmetic<AddOp>(node)),
        KernelRegistration.All("Sub", node => Arithmetic<SubOp>(node)),
        KernelRegistration.All("Mul", node => Arithmetic<MulOp>(node)),
        KernelRegistration.All("Div", node => Arithmetic<DivOp>(node)),
    ];

    /// <summary>A binary numeric kernel; an integer division by zero fails naming the divisor B.</summary>
    public static Kernel Arithmetic<TOp>(KernelNode node, TOp op = default) where TOp : struct, INumericOperator =>
        ElementwiseKernel.Binary(node, (context, a, b, bDims) =>
        {
            try
            {
                return ElementwiseLoops.Zip(context, a, b, bDims, op);
            }
            catch (DivideByZeroException)
            {
                throw context.Fail($"input B ('{context.Node.Node.Inputs[1]}') holds a zero divisor of an integer division");
            }
        });

    private readonly struct AddOp : INumericOperator { public T Apply<T>(T a, T b) where T : INumber<T> => a + b; }

    private readonly struct SubOp : INumericOperator { public T Apply<T>(T a, T b) where T : INumber<T> => a - b; }

    private readonly struct MulOp : INumericOperator { public T Apply<T>(T a, T b) where T : INumber<T> => a * b; }

    /// <summary>Integer division truncates; MinValue / -1 wraps to MinValue as in C and numpy instead of overflowing.</summary>
    private readonly struct DivOp : INumericOperator
    {
        public T Apply<T>(T a, T b) where T : INumber<T> => T.IsNegative(b) && b == -T.One ? -a : a / b;
    }
}
