namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Replaces Shape and Size of a tensor whose inferred dims are all known by a constant int64 initializer named as
/// their output; <see cref="ConstantFolding"/> then carries on through the arithmetic on it (PyTorch exports compute
/// Reshape targets this way). The dims of a graph input are its declared ones, which a run enforces.
/// </summary>
internal sealed class ShapeFolding : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Basic;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node node in graph.Graph.Nodes)
        {
            if (node.Domain.Length > 0 || node.OpType is not ("Shape" or "Size") || node.Inputs.Count != 1 || node.Inputs[0].Length == 0
                || node.Outputs.Count != 1 || node.Outputs[0].Length == 0 || graph.StaticDims(node.Inputs[0]) is not { } dims)
                continue;
            Tensor value;
            if (node.OpType == "Shape")
            {
                long[] slice = Slice(node, dims);
                value = Tensor.FromArray(slice, slice.Length);
            }
            else if (ElementCount(dims) is { } count)
                value = Tensor.Scalar(count);
            else
                continue;
            value.Name = node.Outputs[0];
            yield return new GraphPatch([node], []) { Initializers = [value] };
        }
    }

    /// <summary>The dims from attribute <c>start</c> to <c>end</c>: negative ones count from the back, both clamp to [0, rank] (Shape-15).</summary>
    private static long[] Slice(Node node, long[] dims)
    {
        long Axis(string name, long fallback)
        {
            long axis = node.FindAttribute(name) is { } a ? a.Int : fallback;
            return System.Math.Clamp(axis < 0 ? axis + dims.Length : axis, 0, dims.Length);
        }
        long start = Axis("start", 0), end = Axis("end", dims.Length);
        return end > start ? dims[(int)start..(int)end] : [];
    }

    private static long? ElementCount(long[] dims)
    {
        long count = 1;
        foreach (long d in dims)
        {
            if (d < 0 || (d > 0 && count > long.MaxValue / d))
                return null;
            count *= d;
        }
        return count;
    }
}
