using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Onyx.Runtime.Compute;

/// <summary>
/// Sixteen consecutive floats split into their even and odd elements with AVX: within each 128-bit half the shuffle
/// gives [a0 a2 b0 b2 | a4 a6 b4 b6] (elements 0 2 8 10 4 6 12 14), which <see cref="InOrder"/> puts in element order.
/// A caller that only adds split vectors together can put the sum in order once.
/// </summary>
internal static unsafe class EvenOddLanes
{
    /// <summary>Elements 0, 2, …, 14 of <paramref name="source"/>, in the halves' order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Evens(float* source) => Avx.Shuffle(Vector256.Load(source), Vector256.Load(source + 8), 0b10_00_10_00);

    /// <summary>Elements 1, 3, …, 15 of <paramref name="source"/>, in the halves' order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Odds(float* source) => Avx.Shuffle(Vector256.Load(source), Vector256.Load(source + 8), 0b11_01_11_01);

    /// <summary>A split vector in element order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> InOrder(Vector256<float> value) => Avx2.Permute4x64(value.AsDouble(), 0b11_01_10_00).AsSingle();
}
