namespace Onyx.Runtime.Kernels;

/// <summary>
/// The kernels Onyx has: an explicit list, one entry per family (each family's <c>Kernels</c> list sits next to its
/// kernels), so trimming and AOT keep them.
/// </summary>
internal sealed class KernelRegistry(IEnumerable<KernelRegistration> registrations)
{
    private readonly KernelRegistration[] _registrations = [.. registrations];

    public static KernelRegistry Default { get; } = new(
    [
        .. Math.ElementwiseKernels.Kernels,
        .. Math.UnaryKernels.Kernels,
        .. Math.ActivationKernels.Kernels,
        .. Math.VariadicKernels.Kernels,
        .. Math.ClipKernels.Kernels,
        .. Math.ModKernel.Kernels,
        .. Math.PowKernel.Kernels,
        .. Logic.LogicKernels.Kernels,
        .. Tensors.CastKernels.Kernels,
        .. Tensors.BitCastKernel.Kernels,
        .. Tensors.GatherKernels.Kernels,
        .. Tensors.ScatterKernels.Kernels,
        .. Tensors.TensorScatterKernel.Kernels,
        .. Tensors.IsNaNKernels.Kernels,
        .. Tensors.CompressKernel.Kernels,
        .. Tensors.NonZeroKernel.Kernels,
        .. Tensors.ReverseSequenceKernel.Kernels,
        .. Tensors.OneHotKernel.Kernels,
        .. Tensors.UniqueKernel.Kernels,
        .. Sequence.SequenceKernels.Kernels,
        .. Text.TextKernels.Kernels,
        .. Text.TfIdfVectorizerKernel.Kernels,
        .. Training.OptimizerKernels.Kernels,
        .. Randomness.RandomKernels.Kernels,
        .. Tensors.ViewKernels.Kernels,
        .. Tensors.ConstantKernels.Kernels,
        .. Tensors.LayoutKernels.Kernels,
        .. Tensors.PadKernel.Kernels,
        .. Tensors.SelectionKernels.Kernels,
        .. Tensors.ResizeKernel.Kernels,
        .. Tensors.GridSampleKernel.Kernels,
        .. Image.RoiAlignKernel.Kernels,
        .. Image.NonMaxSuppressionKernel.Kernels,
        .. Image.ImageDecoderKernel.Kernels,
        .. Quantization.QLinearMatMulKernel.Kernels,
        .. Nn.MaxRoiPoolKernel.Kernels,
        .. Quantization.LinearQuantizationKernels.Kernels,
        .. Nn.NnKernels.Kernels,
        .. Rnn.RecurrentKernel.Kernels,
        .. ControlFlow.IfKernel.Kernels,
        .. ControlFlow.LoopKernel.Kernels,
        .. ControlFlow.ScanKernel.Kernels,
        .. Reduce.ReduceKernels.Kernels,
        .. Reduce.ArgReduceKernels.Kernels,
        .. Math.SoftmaxKernels.Kernels,
        .. Math.MatrixKernels.Kernels,
        .. Math.CumulativeKernels.Kernels,
        .. Math.TopKKernel.Kernels,
        .. Math.DetKernel.Kernels,
        .. Math.EinsumKernel.Kernels,
        .. Ml.MlTransformKernels.Kernels,
        .. Ml.MlModelKernels.Kernels,
        .. Signal.SignalKernels.Kernels,
        .. OnyxDomain.OnyxKernels.Kernels,
    ]);

    public IReadOnlyList<KernelRegistration> All => _registrations;

    /// <summary>The kernel for schema version <paramref name="version"/> of an operator, or null.</summary>
    public KernelRegistration? Find(string domain, string opType, int version) =>
        Array.Find(_registrations, r => r.Covers(domain, opType, version));
}
