using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Onyx.Runtime.Compute;

/// <summary>
/// Portable 128-bit lanes for <see cref="SgemmKernel"/>: a 6×8 tile, fused multiply-add where the hardware has it
/// (Arm64, x64 with FMA), a multiply then an add elsewhere.
/// </summary>
internal readonly unsafe struct SgemmLanes128 : ISgemmLanes<Vector128<float>>
{
    public static int Count => Vector128<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(float* source) => Vector128.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Broadcast(float value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> BroadcastFrom(float* source) => Avx.IsSupported ? Avx.BroadcastScalarToVector128(source) : Vector128.Create(*source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> addend) =>
        Vector128.MultiplyAddEstimate(a, b, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(float* destination, Vector128<float> value) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> a, Vector128<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Clamp(Vector128<float> value, Vector128<float> min, Vector128<float> max) => Vector128.MinNative(max, Vector128.MaxNative(min, value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Max(Vector128<float> a, Vector128<float> b) => Vector128.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> GatherOrZero(float* source, int* offsets)
    {
        if (!Avx2.IsSupported)
            return SoftwareLanes.GatherOrZero<SgemmLanes128, Vector128<float>>(source, offsets);
        Vector128<int> index = Vector128.Load(offsets);
        return Avx2.GatherMaskVector128(Vector128<float>.Zero, source, index, Vector128.GreaterThanOrEqual(index, Vector128<int>.Zero).AsSingle(), sizeof(float));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> LoadOrZero(float* source, uint lanes)
    {
        if (!Avx.IsSupported)
            return SoftwareLanes.LoadOrZero<SgemmLanes128, Vector128<float>>(source, lanes);
        Vector128<int> bits = Vector128.Create(1, 2, 4, 8);
        return Avx.MaskLoad(source, Vector128.Equals(Vector128.Create((int)lanes) & bits, bits).AsSingle());
    }
}
