namespace Onyx.Operators;

/// <summary>The output dims of Resize and Upsample, from scales or from target sizes.</summary>
internal static class ResizeShapes
{
    /// <summary>Each of <paramref name="axes"/> becomes floor(dim × scale); scales are positive and one per axis.</summary>
    public static Dim[] Scaled(InferenceContext context, Shape input, IReadOnlyList<double> scales, int[] axes)
    {
        if (scales.Count != axes.Length)
            throw context.Fail($"'scales' has {scales.Count} elements, but {axes.Length} axes are resized");
        Dim[] dims = [.. input.Dims];
        for (int i = 0; i < axes.Length; i++)
        {
            if (!(scales[i] > 0))
                throw context.Fail($"'scales' element {i} must be positive, found {scales[i]}");
            if (dims[axes[i]].Value is long size)
                dims[axes[i]] = new Dim(Checked(context, Math.Floor(size * scales[i])));
            else if (scales[i] != 1)
                dims[axes[i]] = new Dim();
        }
        return dims;
    }

    /// <summary>
    /// Each of <paramref name="axes"/> becomes its size ("stretch"), or all are scaled by the smallest ("not_larger") or largest
    /// ("not_smaller") ratio of size to dim, rounding half up (Resize-18).
    /// </summary>
    public static Dim[] Sized(InferenceContext context, Shape input, Dim[] sizes, int[] axes, string policy)
    {
        if (sizes.Length != axes.Length)
            throw context.Fail($"'sizes' has {sizes.Length} elements, but {axes.Length} axes are resized");
        if (Array.Find(sizes, s => s.Value < 0) is { } negative)
            throw context.Fail($"'sizes' holds a negative size ({negative})");
        Dim[] dims = [.. input.Dims];
        if (policy == "stretch")
        {
            for (int i = 0; i < axes.Length; i++)
                dims[axes[i]] = sizes[i];
            return dims;
        }
        if (policy is not ("not_larger" or "not_smaller"))
            throw context.Fail($"keep_aspect_ratio_policy must be stretch, not_larger or not_smaller, found '{policy}'");
        double? scale = null;
        for (int i = 0; i < axes.Length; i++)
        {
            if (sizes[i].Value is not long size || dims[axes[i]].Value is not long dim || dim == 0)
                return IntegerInputs.WithUnknownAxes(input, axes);
            double ratio = (double)size / dim;
            scale = scale is double s ? policy == "not_larger" ? Math.Min(s, ratio) : Math.Max(s, ratio) : ratio;
        }
        foreach (int axis in axes)
            dims[axis] = new Dim(Checked(context, Math.Floor(scale!.Value * dims[axis].Value!.Value + 0.5)));
        return dims;
    }

    private static long Checked(InferenceContext context, double size) =>
        size >= 0 && size < long.MaxValue ? (long)size : throw context.Fail($"a resized dim ({size}) is out of range");
}
