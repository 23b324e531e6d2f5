namespace Onyx.Runtime.Kernels.Ml;

/// <summary>The ai.onnx.ml encoders, feature transforms and map operators.</summary>
internal static class MlTransformKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        .. LabelEncoderKernel.Kernels,
        .. ArrayFeatureExtractorKernel.Kernels,
        .. BinarizerKernel.Kernels,
        .. CategoryMapperKernel.Kernels,
        .. ScalerKernel.Kernels,
        .. NormalizerKernel.Kernels,
        .. ImputerKernel.Kernels,
        .. OneHotEncoderKernel.Kernels,
        .. FeatureVectorizerKernel.Kernels,
        .. DictVectorizerKernel.Kernels,
        .. ZipMapKernel.Kernels,
        .. CastMapKernel.Kernels,
    ];
}
