namespace Onyx.Runtime.Kernels.OnyxDomain;

/// <summary>The kernels of Onyx's own fused operators (ai.onyx), which the optimizer writes.</summary>
internal static class OnyxKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        new(OperatorDomains.Onyx, "FusedMatMul", 1, int.MaxValue, FusedMatMulKernel.Create),
        new(OperatorDomains.Onyx, "FusedConv", 1, int.MaxValue, node => new FusedConvKernel(node)),
        new(OperatorDomains.Onyx, "Gelu", 1, int.MaxValue, GeluKernel.Create),
        new(OperatorDomains.Onyx, "LayerNormalization", 1, int.MaxValue, LayerNormalizationKernel.Create),
        new(OperatorDomains.Onyx, "ScaledDotProductAttention", 1, int.MaxValue, ScaledDotProductAttentionKernel.Create),
    ];
}
