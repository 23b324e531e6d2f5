using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// Resize (every version) and Upsample: each resized axis in turn is resampled by <see cref="Interpolation"/>.
/// Resize-10 and Upsample take (X, scales) and map coordinates asymmetrically, rounding nearest neighbours down;
/// from Resize-11 the inputs are (X, roi, scales, sizes) and the attributes choose the mapping and the rounding.
/// </summary>
internal sealed class ResizeKernel : Kernel
{
    private readonly Interpolation.Settings _settings;
    private readonly bool _legacyInputs;
    private readonly long[]? _axes;
    private readonly double[]? _scalesAttribute;
    private readonly string _aspectPolicy;
    private readonly double _extrapolation;

    private ResizeKernel(KernelNode node, bool upsample)
    {
        NodeAttributes a = node.Attributes;
        _legacyInputs = upsample || node.Version < 11;
        string mode = a.String("mode", "nearest");
        // Upsample-7's 'bilinear' is the linear mode by its older name.
        mode = mode is "bilinear" ? "linear" : mode;
        if (mode is not ("nearest" or "linear" or "cubic"))
            throw node.Fail($"attribute 'mode' is '{mode}'; expected nearest, linear or cubic");
        _settings = new Interpolation.Settings(mode,
            _legacyInputs ? "asymmetric" : a.String("coordinate_transformation_mode", "half_pixel"),
            _legacyInputs ? "floor" : a.String("nearest_mode", "round_prefer_floor"),
            a.Float("cubic_coeff_a", -0.75f), mode != "nearest" && a.Int("exclude_outside", 0) != 0, a.Int("antialias", 0) != 0);
        _axes = a.Ints("axes") is { } axes ? [.. axes] : null;
        // Upsample-7 takes its scales as an attribute.
        if (upsample && node.Version < 9)
            _scalesAttribute = a.Floats("scales") is { } s ? [.. s.Select(f => (double)f)] : throw node.Fail("attribute 'scales' is required");
        _aspectPolicy = a.String("keep_aspect_ratio_policy", "stretch");
        _extrapolation = a.Float("extrapolation_value", 0);
    }

    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Resize", node => new ResizeKernel(node, false)),
        KernelRegistration.All("Upsample", node => new ResizeKernel(node, true)),
    ];

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0);
        int rank = x.Dims.Length;
        int[] axes = _axes is null ? [.. Enumerable.Range(0, rank)] : TensorInputs.Axes(context, _axes, rank, "attribute 'axes'");
        double[]? given = _scalesAttribute ?? (context.OptionalTensor(_legacyInputs ? 1 : 2) is { ElementCount: > 0 } scales ? RealTensors.Read(context, scales, "scales") : null);
        long[]? sizes = _legacyInputs ? null : context.OptionalTensor(3) is { ElementCount: > 0 } s ? TensorInputs.Longs(context, 3) : null;
        if ((given is null) == (sizes is null))
            throw context.Fail("exactly one of the inputs 'scales' and 'sizes' must be given and non-empty");
        int count = (given?.Length ?? sizes!.Length);
        if (count != axes.Length)
            throw context.Fail($"'{(given is null ? "sizes" : "scales")}' has {count} values; expected {axes.Length}, one per resized axis");
        (double[] scale, long[] output) = given is not null ? FromScales(context, x.Dims, axes, given) : FromSizes(x.Dims, axes, sizes!);
        double[] roi = Roi(context, rank, axes);

        Interpolation.Taps?[]?[] taps = new Interpolation.Taps?[]?[rank];
        foreach (int axis in axes)
        {
            if (output[axis] == x.Dims[axis] && scale[axis] == 1 && roi[axis] == 0 && roi[rank + axis] == 1)
                continue;
            if (x.Dims[axis] == 0 && output[axis] > 0)
                throw context.Fail($"input 0 ('{Name(context, 0)}') is empty along axis {axis}, which cannot be resized to {output[axis]}");
            if (output[axis] is < 0 or > int.MaxValue)
                throw context.Fail($"the output size {output[axis]} of axis {axis} is negative or too large");
            taps[axis] = Interpolation.AxisTaps(_settings, (int)x.Dims[axis], (int)output[axis], scale[axis], roi[axis], roi[rank + axis]);
        }
        if (_settings.Mode == "nearest")
            CopyNearest(context, x, output, taps);
        else
            Interpolate(context, x, output, taps);
    }

    /// <summary>Nearest neighbours copy elements, so they resize every element type (strings, bools, complex numbers) exactly.</summary>
    private void CopyNearest(KernelContext context, Tensor x, long[] output, Interpolation.Taps?[]?[] taps)
    {
        long[] strides = IndexingOffsets.Strides(x.Dims);
        var maps = new long[x.Dims.Length][];
        for (int axis = 0; axis < maps.Length; axis++)
            maps[axis] = taps[axis] is { } axisTaps
                // A nearest tap has weight 1 on the chosen neighbour and 0 on the other.
                ? [.. axisTaps.Select(t => t is null ? AxisMaps.Fill : t.Indices[Array.IndexOf(t.Weights, 1.0)] * strides[axis])]
                : AxisMaps.Strided(x.Dims[axis], 0, 1, strides[axis]);
        TensorInputs.CopyByMaps(context, 0, x, output, maps, InterpolationElements.Constant(x.DataType, _extrapolation));
    }

    /// <summary>Linear and cubic modes weigh neighbours, one resized axis at a time, in double.</summary>
    private void Interpolate(KernelContext context, Tensor x, long[] output, Interpolation.Taps?[]?[] taps)
    {
        double[] values = InterpolationElements.Read(context, x, "X");
        long[] dims = [.. x.Dims];
        for (int axis = 0; axis < dims.Length; axis++)
        {
            if (taps[axis] is not { } axisTaps)
                continue;
            values = Interpolation.ResampleAxis(values, dims, axis, axisTaps, _extrapolation);
            dims[axis] = output[axis];
        }
        InterpolationElements.Write(context, 0, x.DataType, dims, values);
    }

    private static (double[] Scale, long[] Output) FromScales(KernelContext context, long[] dims, int[] axes, double[] given)
    {
        double[] scale = [.. dims.Select(_ => 1.0)];
        long[] output = [.. dims];
        for (int i = 0; i < axes.Length; i++)
        {
            if (!(given[i] > 0))
                throw context.Fail($"scale {given[i]} for axis {axes[i]} must be positive");
            scale[axes[i]] = given[i];
            output[axes[i]] = (long)System.Math.Floor(dims[axes[i]] * given[i]);
        }
        return (scale, output);
    }

    /// <summary>Scales from sizes; keep_aspect_ratio_policy not_larger/not_smaller uses one scale for every resized axis.</summary>
    private (double[] Scale, long[] Output) FromSizes(long[] dims, int[] axes, long[] sizes)
    {
        double[] scale = [.. dims.Select(_ => 1.0)];
        long[] output = [.. dims];
        for (int i = 0; i < axes.Length; i++)
        {
            output[axes[i]] = sizes[i];
            scale[axes[i]] = (double)sizes[i] / dims[axes[i]];
        }
        if (_aspectPolicy is "not_larger" or "not_smaller")
        {
            double common = _aspectPolicy == "not_larger" ? axes.Min(a => scale[a]) : axes.Max(a => scale[a]);
            foreach (int a in axes)
            {
                scale[a] = common;
                output[a] = (long)(common * dims[a] + 0.5);
            }
        }
        return (scale, output);
    }

    /// <summary>The roi as [starts..., ends...] over every axis (0 and 1 where not given or not resized).</summary>
    private double[] Roi(KernelContext context, int rank, int[] axes)
    {
        double[] roi = [.. Enumerable.Repeat(0.0, rank), .. Enumerable.Repeat(1.0, rank)];
        if (_legacyInputs || context.OptionalTensor(1) is not { ElementCount: > 0 } given)
            return roi;
        double[] values = RealTensors.Read(context, given, "roi");
        if (values.Length != 2 * axes.Length)
            throw context.Fail($"input 1 ('{Name(context, 1)}') has {values.Length} values; expected {2 * axes.Length}, a start and an end per resized axis");
        for (int i = 0; i < axes.Length; i++)
        {
            roi[axes[i]] = values[i];
            roi[rank + axes[i]] = values[axes.Length + i];
        }
        return roi;
    }
}
