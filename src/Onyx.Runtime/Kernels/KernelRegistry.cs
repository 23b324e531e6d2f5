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
        .. Reduce.ReduceKernels.Kernels,
        .. Reduce.ArgReduceKernels.Kernels,
        .. Math.SoftmaxKernels.Kernels,
        .. Math.MatrixKernels.Kernels,
        .. Math.CumulativeKernels.Kernels,
        .. Math.TopKKernel.Kernels,
        .. Math.DetKernel.Kernels,
        .. Math.EinsumKernel.Kernels,
    ]);

    public IReadOnlyList<KernelRegistration> All => _registrations;

    /// <summary>The kernel for schema version <paramref name="version"/> of an operator, or null.</summary>
    public KernelRegistration? Find(string domain, string opType, int version) =>
        Array.Find(_registrations, r => r.Covers(domain, opType, version));
}
