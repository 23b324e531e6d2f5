namespace Onyx.Runtime.Kernels.Signal;

/// <summary>The signal family: DFT, STFT, MelWeightMatrix and the cosine-sum windows.</summary>
internal static class SignalKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        .. DftKernel.Kernels,
        .. StftKernel.Kernels,
        .. MelWeightMatrixKernel.Kernels,
        .. CosineSumWindowKernel.Kernels,
    ];
}
