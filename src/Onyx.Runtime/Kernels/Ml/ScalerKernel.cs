using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// Scaler (Operators-ml.md): Y = (X - offset) * scale as float, 'offset' and 'scale' of one length, either 1 (every
/// feature) or one value per feature of X's last axis.
/// </summary>
internal static class ScalerKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "Scaler", 1, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        double[] offset = Required(node, "offset");
        double[] scale = Required(node, "scale");
        if (offset.Length != scale.Length)
            throw node.Fail($"attributes 'offset' ({offset.Length}) and 'scale' ({scale.Length}) must have the same length");
        FeatureCounts.CheckStatic(node, "offset", offset.Length);
        return new DelegateKernel(context =>
        {
            Tensor x = context.Tensor(0);
            FeatureCounts.Check(context, x, "offset", offset.Length);
            double[] values = MlTypedTensors.ReadReals(context, x, 0);
            long features = FeatureCounts.Of(x);
            Span<float> y = context.Output<float>(0, DataType.Float, x.Dims);
            for (int i = 0; i < values.Length; i++)
                y[i] = (float)((values[i] - FeatureCounts.PerFeature(offset, i, features)) * FeatureCounts.PerFeature(scale, i, features));
        });
    }

    private static double[] Required(KernelNode node, string attribute) =>
        node.Attributes.Floats(attribute) is { Count: > 0 } values
            ? [.. values.Select(v => (double)v)]
            : throw node.Fail($"attribute '{attribute}' is required and must not be empty");
}
