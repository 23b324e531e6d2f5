using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;
using static Onyx.Runtime.Kernels.Tensors.TensorInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// Pad, every version: pads as an attribute (v2) or an input (v11), the constant as the 'value' attribute or an
/// input, optional axes (v18), modes constant, reflect, edge and wrap (v19). Negative pads crop.
/// </summary>
internal static class PadKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("Pad", Create)];

    private static Kernel Create(KernelNode node)
    {
        string mode = node.Attributes.String("mode", "constant");
        if (mode is not ("constant" or "reflect" or "edge" or "wrap"))
            throw node.Fail($"attribute 'mode' is '{mode}'; expected constant, reflect, edge or wrap");
        IReadOnlyList<long>? padsAttribute = node.Version < 11 ? node.Attributes.Ints("pads") ?? node.Attributes.Ints("paddings") : null;
        float valueAttribute = node.Attributes.Float("value", 0);
        return new DelegateKernel(context =>
        {
            Tensor input = context.Tensor(0);
            int rank = input.Dims.Length;
            long[] pads = padsAttribute is null ? Longs(context, 1) : [.. padsAttribute];
            int[] axes = node.Version >= 18 && context.HasInput(3)
                ? Axes(context, Longs(context, 3), rank, $"input 3 ('{Name(context, 3)}')")
                : [.. Enumerable.Range(0, rank)];
            if (pads.Length != 2 * axes.Length)
                throw context.Fail($"the pads [{string.Join(",", pads)}] must hold {2 * axes.Length} values (a begin and an end per padded axis of input 0 {Shape(input.Dims)})");
            long[] strides = IndexingOffsets.Strides(input.Dims);
            long[][] maps = [.. Enumerable.Range(0, rank).Select(a => AxisMaps.Strided(input.Dims[a], 0, 1, strides[a]))];
            for (int i = 0; i < axes.Length; i++)
            {
                int axis = axes[i];
                long dim = input.Dims[axis], begin = pads[i], size = dim + begin + pads[i + axes.Length];
                if (size < 0)
                    throw context.Fail($"the pads crop axis {axis} of size {dim} below zero");
                if (mode != "constant" && dim == 0 && size > 0)
                    throw context.Fail($"mode '{mode}' cannot pad axis {axis}, which is empty");
                var map = new long[size];
                for (long o = 0; o < size; o++)
                    map[o] = Source(mode, o - begin, dim) is var s and >= 0 ? s * strides[axis] : AxisMaps.Fill;
                maps[axis] = map;
            }
            Tensor? fill = mode != "constant" ? null
                : padsAttribute is not null ? FillValue(context, input.DataType, valueAttribute)
                : context.OptionalTensor(2);
            if (fill is not null)
                SameType(context, input, 0, fill, padsAttribute is null ? 2 : 0);
            CopyByMaps(context, 0, input, [.. maps.Select(m => (long)m.Length)], maps, fill);
        });
    }

    /// <summary>The source index position <paramref name="i"/> reads along an axis of <paramref name="dim"/>, or -1 for the constant.</summary>
    private static long Source(string mode, long i, long dim)
    {
        if (i >= 0 && i < dim)
            return i;
        return mode switch
        {
            "edge" => System.Math.Clamp(i, 0, dim - 1),
            "wrap" => (i % dim + dim) % dim,
            // Mirror about the first and last elements without repeating them; period 2·(dim - 1).
            "reflect" => dim == 1 ? 0 : Reflect(i, dim),
            _ => -1,
        };
    }

    private static long Reflect(long i, long dim)
    {
        long period = 2 * (dim - 1);
        long m = (i % period + period) % period;
        return m < dim ? m : period - m;
    }

    /// <summary>Pad-2's float 'value' in the input's own type.</summary>
    private static Tensor FillValue(KernelContext context, DataType type, float value)
    {
        if (!Conversion.Supports(type))
            throw context.Fail($"Pad-2 cannot pad input 0 of type {type.TypeName()} with a constant");
        var bytes = new byte[System.Math.Max(1, type.BitsPerElement() / 8)];
        Conversion.Convert(DataType.Float, BitConverter.GetBytes(value), type, bytes, 1, ConversionOptions.Default);
        return new Tensor(type, [], bytes);
    }
}
