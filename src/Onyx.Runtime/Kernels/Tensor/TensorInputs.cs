using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// Inputs and outputs shared by the shape and layout kernels: int64 lists given as attributes (older versions) or
/// inputs (newer ones) and axes.
/// </summary>
internal static class TensorInputs
{
    /// <summary>The values of an int64 (or int32) 1-D or scalar input.</summary>
    public static long[] Longs(KernelContext context, int input) => GatherInputs.Indices(context, input);

    /// <summary>The int64 list from input <paramref name="input"/> when given, else from the attribute, else null.</summary>
    public static long[]? InputOrAttribute(KernelContext context, int input, IReadOnlyList<long>? attribute) =>
        context.HasInput(input) ? Longs(context, input) : attribute is null ? null : [.. attribute];

    /// <summary>Each axis made non-negative for <paramref name="rank"/>; fails on one out of range or repeated.</summary>
    public static int[] Axes(KernelContext context, IEnumerable<long> axes, int rank, string what)
    {
        var result = new List<int>();
        foreach (long axis in axes)
        {
            if (axis < -rank || axis >= rank)
                throw context.Fail($"{what} holds axis {axis}, outside [{-rank}, {rank - 1}]");
            int normalized = (int)(axis < 0 ? axis + rank : axis);
            if (result.Contains(normalized))
                throw context.Fail($"{what} names axis {axis} twice");
            result.Add(normalized);
        }
        return [.. result];
    }

    /// <summary>Moves the elements of input <paramref name="input"/> to output <paramref name="output"/> of <paramref name="dims"/> by axis maps.</summary>
    public static void CopyByMaps(KernelContext context, int output, Tensor input, long[] dims, long[][] maps, Tensor? fill = null)
    {
        IndexedTarget target = GatherInputs.Output(context, input.DataType, dims);
        AxisMaps.Copy(new IndexedSource(input), target, maps, fill is null ? default : new IndexedSource(fill));
        GatherInputs.SetOutput(context, output, target, dims);
    }
}
