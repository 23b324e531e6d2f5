using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Tensors;

namespace Onyx.Runtime.Kernels.ControlFlow;

/// <summary>Stacks the values a Loop or Scan body yields per iteration into the node's scan outputs.</summary>
internal static class ScanOutputs
{
    /// <summary>
    /// The <paramref name="parts"/> stacked along a new axis at <paramref name="axis"/> (negative counts from the end of
    /// the stacked rank), zero-padded to <paramref name="length"/> entries; with no part, an empty tensor of the body's
    /// declared type and (where known) shape.
    /// </summary>
    public static Tensor Stack(KernelContext context, IReadOnlyList<Tensor> parts, NodeMetadata declared, long axis = 0, long? length = null)
    {
        if (parts.Count == 0)
            return Empty(context, declared, axis);
        Tensor first = parts[0];
        if (parts.Any(p => p.DataType != first.DataType || !p.Dims.AsSpan().SequenceEqual(first.Dims)))
            throw context.Fail($"the scan output '{declared.Name}' changes type or shape between iterations, so its values cannot be stacked");
        long size = first.ElementCount;
        long[] dims = [length ?? parts.Count, .. first.Dims];
        IndexedTarget stacked = GatherInputs.Output(context, first.DataType, dims);
        for (int i = 0; i < parts.Count; i++)
            stacked.Copy(new IndexedSource(parts[i]), 0, i * size, size);
        int at = GatherInputs.Axis(context, axis, dims.Length, "scan_output_axes");
        return at == 0 ? stacked.ToTensor(dims) : MoveFirstAxis(context, stacked.ToTensor(dims), at);
    }

    private static Tensor Empty(KernelContext context, NodeMetadata declared, long axis)
    {
        DataType type = declared.ElementType == DataType.Undefined ? DataType.Float : declared.ElementType;
        long[] element = declared.Dims is { } d && d.All(x => x >= 0) ? d : [];
        int at = GatherInputs.Axis(context, axis, element.Length + 1, "scan_output_axes");
        return new Tensor(type, [.. element[..at], 0, .. element[at..]], ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>The tensor with its first axis moved to <paramref name="at"/>.</summary>
    private static Tensor MoveFirstAxis(KernelContext context, Tensor tensor, int at)
    {
        int rank = tensor.Dims.Length;
        int[] perm = [.. Enumerable.Range(1, at), 0, .. Enumerable.Range(at + 1, rank - at - 1)];
        long[] moved = [.. perm.Select(p => tensor.Dims[p])];
        IndexedTarget target = GatherInputs.Output(context, tensor.DataType, moved);
        AxisMaps.Copy(new IndexedSource(tensor), target, AxisMaps.Transposed(tensor.Dims, perm));
        return target.ToTensor(moved);
    }
}
