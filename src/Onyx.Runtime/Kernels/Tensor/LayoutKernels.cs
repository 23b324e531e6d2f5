using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;
using static Onyx.Runtime.Kernels.Tensors.TensorInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// The operators that rearrange elements of any type by position, each expressed as per-axis maps
/// (<see cref="AxisMaps"/>): Transpose, Slice, Tile, Expand, DepthToSpace and SpaceToDepth; and the registrations of
/// Concat and Split (<see cref="ConcatKernel"/>, <see cref="SplitKernel"/>), which copy whole blocks.
/// </summary>
internal static class LayoutKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Transpose", node => Transpose(node.Attributes.Ints("perm"))),
        KernelRegistration.All("Concat", ConcatKernel.Create),
        KernelRegistration.All("Slice", CreateSlice),
        KernelRegistration.All("Split", SplitKernel.Create),
        KernelRegistration.All("Tile", _ => new DelegateKernel(Tile)),
        KernelRegistration.All("Expand", _ => new DelegateKernel(Expand)),
        KernelRegistration.All("DepthToSpace", node => DepthToSpace(BlockSize(node), node.Attributes.String("mode", "DCR"))),
        KernelRegistration.All("SpaceToDepth", node => SpaceToDepth(BlockSize(node))),
    ];

    private static Kernel Transpose(IReadOnlyList<long>? perm)
    {
        long[]? permAttribute = perm is null ? null : [.. perm];
        return new DelegateKernel(context =>
        {
            Tensor input = context.Tensor(0);
            int rank = input.Dims.Length;
            int count = permAttribute?.Length ?? rank;
            Span<int> order = count <= MaxStackRank ? stackalloc int[count] : new int[count];
            for (int k = 0; k < count; k++)
                order[k] = permAttribute is null ? rank - 1 - k : PermAxis(context, permAttribute[k], rank, order[..k]);
            if (count != rank)
                throw context.Fail($"attribute 'perm' has {count} axes, but input 0 ('{Name(context, 0)}') has rank {rank}");
            Span<long> dims = rank <= MaxStackRank ? stackalloc long[rank] : new long[rank];
            for (int k = 0; k < rank; k++)
                dims[k] = input.Dims[order[k]];
            if (input.DataType == DataType.String || input.DataType.BitsPerElement() < 8)
            {
                CopyByMaps(context, 0, input, dims.ToArray(), AxisMaps.Transposed(input.Dims, order.ToArray()));
                return;
            }
            Span<byte> target = context.AllocateOutput(0, input.DataType, dims);
            StridedTranspose.Transpose(input.RawData.Span, target, input.DataType.BitsPerElement() / 8, input.Dims, order);
        });
    }

    // Perms up to this rank live on the stack.
    private const int MaxStackRank = 32;

    /// <summary>One axis of 'perm' made non-negative; fails when it is out of range or among <paramref name="earlier"/>.</summary>
    private static int PermAxis(KernelContext context, long axis, int rank, ReadOnlySpan<int> earlier)
    {
        if (axis < -rank || axis >= rank)
            throw context.Fail($"attribute 'perm' holds axis {axis}, outside [{-rank}, {rank - 1}]");
        int normalized = (int)(axis < 0 ? axis + rank : axis);
        if (earlier.Contains(normalized))
            throw context.Fail($"attribute 'perm' names axis {axis} twice");
        return normalized;
    }

    private static Kernel CreateSlice(KernelNode node)
    {
        // Before v10, starts, ends and axes are attributes and steps are 1.
        IReadOnlyList<long>? startsAttribute = node.Version < 10 ? node.Attributes.Ints("starts") ?? throw node.Fail("attribute 'starts' is required") : null;
        IReadOnlyList<long>? endsAttribute = node.Version < 10 ? node.Attributes.Ints("ends") ?? throw node.Fail("attribute 'ends' is required") : null;
        IReadOnlyList<long>? axesAttribute = node.Version < 10 ? node.Attributes.Ints("axes") : null;
        return new DelegateKernel(context =>
        {
            Tensor input = context.Tensor(0);
            long[] starts = startsAttribute is null ? Longs(context, 1) : [.. startsAttribute];
            long[] ends = endsAttribute is null ? Longs(context, 2) : [.. endsAttribute];
            long[]? axes = startsAttribute is null ? InputOrAttribute(context, 3, null) : axesAttribute?.ToArray();
            long[]? steps = startsAttribute is null ? InputOrAttribute(context, 4, null) : null;
            int rank = input.Dims.Length;
            int[] sliced = Axes(context, axes ?? [.. Enumerable.Range(0, starts.Length).Select(i => (long)i)], rank, "the axes to slice");
            if (ends.Length != starts.Length || sliced.Length != starts.Length || steps is not null && steps.Length != starts.Length)
                throw context.Fail($"starts ({starts.Length}), ends ({ends.Length}), axes and steps must have the same length");
            long[] strides = IndexingOffsets.Strides(input.Dims);
            long[][] maps = [.. Enumerable.Range(0, rank).Select(a => AxisMaps.Strided(input.Dims[a], 0, 1, strides[a]))];
            for (int i = 0; i < sliced.Length; i++)
            {
                int axis = sliced[i];
                long step = steps?[i] ?? 1;
                if (step == 0)
                    throw context.Fail($"the step for axis {axis} is 0");
                (long start, long count) = SliceRange(starts[i], ends[i], step, input.Dims[axis]);
                maps[axis] = AxisMaps.Strided(count, start, step, strides[axis]);
            }
            CopyByMaps(context, 0, input, [.. maps.Select(m => (long)m.Length)], maps);
        });
    }

    /// <summary>The spec's effective start and the element count of one sliced axis.</summary>
    private static (long Start, long Count) SliceRange(long start, long end, long step, long dim)
    {
        if (start < 0)
            start += dim;
        if (end < 0)
            end += dim;
        if (step > 0)
        {
            start = System.Math.Clamp(start, 0, dim);
            end = System.Math.Clamp(end, 0, dim);
            return (start, end > start ? (end - start + step - 1) / step : 0);
        }
        start = System.Math.Clamp(start, 0, dim - 1);
        end = System.Math.Clamp(end, -1, dim - 1);
        return (start, start > end ? (start - end - step - 1) / -step : 0);
    }

    private static void Tile(KernelContext context)
    {
        Tensor input = context.Tensor(0);
        long[] repeats = Longs(context, 1);
        if (repeats.Length != input.Dims.Length || repeats.Any(r => r < 0))
            throw context.Fail($"input 1 ('{Name(context, 1)}') [{string.Join(",", repeats)}] must hold one non-negative repeat count per dim of input 0 {Shape(input.Dims)}");
        long[] strides = IndexingOffsets.Strides(input.Dims);
        long[][] maps = [.. input.Dims.Select((d, a) =>
        {
            var map = new long[checked(d * repeats[a])];
            for (long i = 0; i < map.Length; i++)
                map[i] = i % d * strides[a];
            return map;
        })];
        CopyByMaps(context, 0, input, [.. maps.Select(m => (long)m.Length)], maps);
    }

    private static void Expand(KernelContext context)
    {
        Tensor input = context.Tensor(0);
        long[] shape = Longs(context, 1);
        long[] dims = Broadcasting.Shape(input.Dims, shape)
            ?? throw context.Fail($"input 0 ('{Name(context, 0)}') {Shape(input.Dims)} cannot broadcast with input 1 ('{Name(context, 1)}') {Shape(shape)}");
        long[] strides = IndexingOffsets.Strides(input.Dims);
        int lead = dims.Length - input.Dims.Length;
        long[][] maps = [.. dims.Select((d, a) =>
            a < lead || input.Dims[a - lead] == 1 ? new long[d] : AxisMaps.Strided(d, 0, 1, strides[a - lead]))];
        CopyByMaps(context, 0, input, dims, maps);
    }

    private static long BlockSize(KernelNode node) =>
        node.Attributes.Int("blocksize") is { } b && b > 0 ? b : throw node.Fail("attribute 'blocksize' must be a positive integer");

    /// <summary>
    /// DepthToSpace is a reshape to 6-D, a transpose and a reshape back: DCR splits the channels as (b, b, C/b²), CRD
    /// as (C/b², b, b).
    /// </summary>
    private static Kernel DepthToSpace(long b, string mode) => new DelegateKernel(context =>
    {
        (Tensor input, long n, long c, long h, long w) = Nchw(context);
        if (c % (b * b) != 0)
            throw context.Fail($"input 0 ('{Name(context, 0)}') has {c} channels, not a multiple of blocksize² = {b * b}");
        long depth = c / (b * b);
        (long[] view, int[] perm) = mode switch
        {
            "DCR" => (new[] { n, b, b, depth, h, w }, new[] { 0, 3, 4, 1, 5, 2 }),
            "CRD" => (new[] { n, depth, b, b, h, w }, new[] { 0, 1, 4, 2, 5, 3 }),
            _ => throw context.Fail($"attribute 'mode' is '{mode}'; expected DCR or CRD"),
        };
        CopyByMaps(context, 0, input, [n, depth, h * b, w * b], AxisMaps.Transposed(view, perm));
    });

    private static Kernel SpaceToDepth(long b) => new DelegateKernel(context =>
    {
        (Tensor input, long n, long c, long h, long w) = Nchw(context);
        if (h % b != 0 || w % b != 0)
            throw context.Fail($"input 0 ('{Name(context, 0)}') has height {h} and width {w}; both must be multiples of blocksize {b}");
        long[] view = [n, c, h / b, b, w / b, b];
        CopyByMaps(context, 0, input, [n, c * b * b, h / b, w / b], AxisMaps.Transposed(view, [0, 3, 5, 1, 2, 4]));
    });

    private static (Tensor Input, long N, long C, long H, long W) Nchw(KernelContext context)
    {
        Tensor input = context.Tensor(0);
        return input.Dims is [long n, long c, long h, long w]
            ? (input, n, c, h, w)
            : throw context.Fail($"input 0 ('{Name(context, 0)}') has shape {Shape(input.Dims)}; expected 4-D [N,C,H,W]");
    }
}
