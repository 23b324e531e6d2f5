namespace Onyx.Runtime.Kernels.Nn;

/// <summary>The neural-network family: convolutions, pools, normalizations and Dropout.</summary>
internal static class NnKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        .. ConvKernels.Kernels,
        .. PoolKernels.Kernels,
        .. NormalizationKernels.Kernels,
        .. AxesNormalizationKernels.Kernels,
        .. DropoutKernel.Kernels,
        .. MaxUnpoolKernel.Kernels,
        .. Col2ImKernel.Kernels,
        .. LpNormalizationKernel.Kernels,
        .. RotaryEmbeddingKernel.Kernels,
        .. AttentionKernel.Kernels,
        .. QuantizedConvKernels.Kernels,
        .. DeformConvKernel.Kernels,
    ];
}
