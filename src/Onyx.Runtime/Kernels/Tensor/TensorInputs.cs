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

    /// <summary>The values of an int64 (or int32) 1-D or scalar input; an int64 tensor is read in place.</summary>
    public static ReadOnlySpan<long> LongSpan(KernelContext context, int input)
    {
        Tensor tensor = context.Tensor(input);
        return tensor.DataType == DataType.Int64 ? tensor.AsSpan<long>() : Longs(context, input);
    }

    /// <summary>Fails unless each axis lies in [-rank, rank - 1] and no axis is named twice.</summary>
    public static void CheckAxes(KernelContext context, ReadOnlySpan<long> axes, int rank, string what)
    {
        for (int k = 0; k < axes.Length; k++)
        {
            long axis = axes[k];
            if (axis < -rank || axis >= rank)
                throw context.Fail($"{what} holds axis {axis}, outside [{-rank}, {rank - 1}]");
            if (NamesAxis(axes[..k], (int)(axis < 0 ? axis + rank : axis), rank))
                throw context.Fail($"{what} names axis {axis} twice");
        }
    }

    /// <summary>True when <paramref name="axes"/> (each in [-rank, rank - 1]) names <paramref name="axis"/>.</summary>
    public static bool NamesAxis(ReadOnlySpan<long> axes, int axis, int rank)
    {
        foreach (long a in axes)
        {
            if (a == axis || a + rank == axis)
                return true;
        }
        return false;
    }

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
