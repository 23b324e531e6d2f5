using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Onyx.Runtime.Compute;

/// <summary>AVX-512 lanes for <see cref="SgemmKernel"/>: a 6×32 tile (12 of the 32 zmm registers).</summary>
internal readonly unsafe struct SgemmLanes512 : ISgemmLanes<Vector512<float>>
{
    public static int Count => Vector512<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(float* source) => Vector512.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> BroadcastFrom(float* source) => Vector512.Create(*source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> addend) =>
        Vector512.FusedMultiplyAdd(a, b, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(float* destination, Vector512<float> value) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Clamp(Vector512<float> value, Vector512<float> min, Vector512<float> max) => Vector512.MinNative(max, Vector512.MaxNative(min, value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Max(Vector512<float> a, Vector512<float> b) => Vector512.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> GatherOrZero(float* source, int* offsets) =>
        Vector512.Create(SgemmLanes256.GatherOrZero(source, offsets), SgemmLanes256.GatherOrZero(source, offsets + Vector256<float>.Count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LoadOrZero(float* source, uint lanes) =>
        Vector512.Create(SgemmLanes256.LoadOrZero(source, lanes), SgemmLanes256.LoadOrZero(source + Vector256<float>.Count, lanes >> Vector256<float>.Count));
}
