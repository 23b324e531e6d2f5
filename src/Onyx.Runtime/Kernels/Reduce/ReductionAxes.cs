namespace Onyx.Runtime.Kernels.Reduce;

/// <summary>Axis arguments as the spec takes them: in [-rank, rank-1], negative ones counting from the back.</summary>
internal static class ReductionAxes
{
    /// <summary><paramref name="axis"/> in [0, rank); fails naming <paramref name="what"/> when out of range.</summary>
    public static int Normalize(KernelContext context, long axis, int rank, string what)
    {
        if (axis < -rank || axis >= rank)
            throw context.Fail($"{what} {axis} is out of range for an input of rank {rank}: expected [{-rank}, {rank - 1}]");
        return (int)(axis < 0 ? axis + rank : axis);
    }

    /// <summary>The one value of the scalar or 1-element int32/int64 input <paramref name="index"/> (an axis or a count).</summary>
    public static long ScalarInput(KernelContext context, int index, string name)
    {
        Tensor tensor = context.Tensor(index);
        if (tensor.ElementCount != 1)
            throw context.Fail($"input '{name}' must hold one value, found shape [{string.Join(",", tensor.Dims)}]");
        return tensor.DataType switch
        {
            DataType.Int64 => tensor.AsSpan<long>()[0],
            DataType.Int32 => tensor.AsSpan<int>()[0],
            _ => throw context.Fail($"input '{name}' must be int32 or int64, found {tensor.DataType.TypeName()}"),
        };
    }
}
