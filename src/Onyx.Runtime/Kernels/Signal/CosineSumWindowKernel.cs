using Onyx.Runtime.Kernels.Reduce;

namespace Onyx.Runtime.Kernels.Signal;

/// <summary>
/// HannWindow, HammingWindow and BlackmanWindow (17), the cosine-sum windows of their function bodies computed in
/// double: w[n] = a0 - a1 cos(2πn / N) + a2 cos(4πn / N) for n in [0, size), with N = size when periodic and
/// size - 1 when symmetric, written as output_datatype.
/// </summary>
internal sealed class CosineSumWindowKernel(double a0, double a1, double a2, bool periodic, DataType outputType) : Kernel
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.From("HannWindow", 17, node => Create(node, 0.5, 0.5, 0)),
        KernelRegistration.From("HammingWindow", 17, node => Create(node, 25.0 / 46, 21.0 / 46, 0)),
        KernelRegistration.From("BlackmanWindow", 17, node => Create(node, 0.42, 0.5, 0.08)),
    ];

    private static CosineSumWindowKernel Create(KernelNode node, double a0, double a1, double a2) =>
        new(a0, a1, a2, node.Attributes.Int("periodic", 1) != 0, SignalOutputs.OutputType(node));

    public override void Run(KernelContext context)
    {
        long size = ReductionAxes.ScalarInput(context, 0, "size");
        if (size < 0)
            throw context.Fail($"input 'size' must not be negative, found {size}");
        var window = new double[SignalOutputs.Count(context, [size])];
        double period = periodic ? size : size - 1;
        for (int n = 0; n < window.Length; n++)
        {
            double angle = 2 * System.Math.PI * n / period;
            window[n] = a0 - a1 * System.Math.Cos(angle) + a2 * System.Math.Cos(2 * angle);
        }
        SignalOutputs.Write(context, outputType, [size], window);
    }
}
