using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Onyx.Runtime.Compute;

/// <summary>AVX2 + FMA lanes for <see cref="SgemmKernel"/>: a 6×16 tile.</summary>
internal readonly unsafe struct SgemmLanes256 : ISgemmLanes<Vector256<float>>
{
    public static int Count => Vector256<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(float* source) => Vector256.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> BroadcastFrom(float* source) => Avx.BroadcastScalarToVector256(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> addend) =>
        Vector256.FusedMultiplyAdd(a, b, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(float* destination, Vector256<float> value) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Clamp(Vector256<float> value, Vector256<float> min, Vector256<float> max) => Vector256.MinNative(max, Vector256.MaxNative(min, value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Max(Vector256<float> a, Vector256<float> b) => Vector256.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> GatherOrZero(float* source, int* offsets)
    {
        if (!Avx2.IsSupported)
            return SoftwareLanes.GatherOrZero<SgemmLanes256, Vector256<float>>(source, offsets);
        Vector256<int> index = Vector256.Load(offsets);
        return Avx2.GatherMaskVector256(Vector256<float>.Zero, source, index, Vector256.GreaterThanOrEqual(index, Vector256<int>.Zero).AsSingle(), sizeof(float));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LoadOrZero(float* source, uint lanes)
    {
        if (!Avx.IsSupported)
            return SoftwareLanes.LoadOrZero<SgemmLanes256, Vector256<float>>(source, lanes);
        Vector256<int> bits = Vector256.Create(1, 2, 4, 8, 16, 32, 64, 128);
        return Avx.MaskLoad(source, Vector256.Equals(Vector256.Create((int)lanes) & bits, bits).AsSingle());
    }
}
