using System.Numerics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>
/// Mod (Operators.md, Mod-10 and Mod-13): with fmod=0 the remainder takes the divisor's sign, as Python's %; with fmod=1
/// the dividend's, as C's fmod. Floats require fmod=1 by the spec; fmod=0 on floats follows numpy's mod all the same.
/// </summary>
internal static class ModKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Mod", node => node.Attributes.Int("fmod", 0) switch
        {
            0 => ElementwiseKernels.Arithmetic<FloorModOp>(node),
            1 => ElementwiseKernels.Arithmetic<TruncatedModOp>(node),
            var other => throw node.Fail($"attribute fmod is {other}; expected 0 or 1"),
        }),
    ];

    /// <summary>The remainder of truncated division; x mod -1 is 0 (where .NET would overflow on the most negative integer).</summary>
    private readonly struct TruncatedModOp : INumericOperator
    {
        public T Apply<T>(T a, T b) where T : INumber<T> => Remainder(a, b);

        public static T Remainder<T>(T a, T b) where T : INumber<T> => T.IsNegative(b) && b == -T.One && T.IsInteger(a) ? T.Zero : a % b;
    }

    /// <summary>The remainder of floored division: a nonzero truncated remainder of the other sign moves by b.</summary>
    private readonly struct FloorModOp : INumericOperator
    {
        public T Apply<T>(T a, T b) where T : INumber<T>
        {
            T r = TruncatedModOp.Remainder(a, b);
            return !T.IsZero(r) && T.IsNegative(r) != T.IsNegative(b) ? r + b : r;
        }
    }
}
