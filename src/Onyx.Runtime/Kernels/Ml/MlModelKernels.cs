namespace Onyx.Runtime.Kernels.Ml;

/// <summary>The ai.onnx.ml predictors: tree ensembles, linear models and support vector machines.</summary>
internal static class MlModelKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        .. TreeEnsembleKernel.Kernels,
        .. TreeEnsembleClassifierKernel.Kernels,
        .. TreeEnsembleRegressorKernel.Kernels,
        .. LinearKernels.Kernels,
        .. SvmRegressorKernel.Kernels,
        .. SvmClassifierKernel.Kernels,
    ];
}
