using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// The feature axis of the numeric ml transforms: the last axis of X ([N, F] or [F]; a scalar is one feature).
/// Attribute lists given per feature must have length 1 or F; this is checked when the node is prepared where
/// inference knows F, and on every run otherwise.
/// </summary>
internal static class FeatureCounts
{
    /// <summary>F of <paramref name="x"/>.</summary>
    public static long Of(Tensor x) => x.Dims.Length == 0 ? 1 : x.Dims[^1];

    /// <summary>Fails the node when inference knows F and <paramref name="length"/> is neither 1 nor F.</summary>
    public static void CheckStatic(KernelNode node, string attribute, int length)
    {
        if (node.InputTypes.ElementAtOrDefault(0) is TensorTypeInfo { Shape: { Rank: > 0 } shape } && shape.Dims[^1].Value is long features
            && length != 1 && length != features)
            throw node.Fail($"attribute '{attribute}' has {length} values; expected 1 or one per feature ({features}, the last dim of input 0 ('{node.Node.Inputs[0]}'))");
    }

    /// <summary>Fails the run when <paramref name="length"/> is neither 1 nor F of <paramref name="x"/>.</summary>
    public static void Check(KernelContext context, Tensor x, string attribute, int length)
    {
        long features = Of(x);
        if (length != 1 && length != features)
            throw context.Fail($"attribute '{attribute}' has {length} values; expected 1 or one per feature ({features}, the last dim of input 0 ('{MlTypedTensors.InputName(context, 0)}') of shape [{string.Join(",", x.Dims)}])");
    }

    /// <summary>The value for flat element <paramref name="index"/>: the list's only value, or that of the element's feature.</summary>
    public static T PerFeature<T>(T[] values, long index, long features) => values.Length == 1 ? values[0] : values[index % features];
}
