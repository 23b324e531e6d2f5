namespace Onyx.Operators;

/// <summary>Inference shared by the Reduce* and ArgMax/ArgMin operators.</summary>
internal static class Reduction
{
    /// <summary>Reduce* with axes given by the attribute (older versions) or by the optional second input (ReduceSum 13, others 18).</summary>
    public static void Infer(InferenceContext context)
    {
        var elementType = context.InputElementType(0);
        long[]? axes;
        if (context.HasInput(1))
        {
            if (context.InputValues(1) is not { } values || Array.Exists(values, d => d.Value is null))
            {
                var rank = context.InputRank(0);
                context.SetOutput(0, elementType, rank is int r && context.GetInt("keepdims", 1) != 0 ? ShapeRules.UnknownShape(context, r) : null);
                return;
            }
            axes = Array.ConvertAll(values, d => d.Value!.Value);
        }
        else
            axes = context.GetInts("axes") is { } list ? [.. list] : [];
        if (axes.Length == 0 && context.GetInt("noop_with_empty_axes", 0) != 0)
        {
            ShapeRules.SameAsFirstInput(context);
            return;
        }
        context.SetOutput(0, elementType, Reduce(context, axes, context.GetInt("keepdims", 1) != 0));
    }

    /// <summary>ArgMax/ArgMin: the int64 indices along one axis.</summary>
    public static void InferArg(InferenceContext context) =>
        context.SetOutput(0, DataType.Int64, Reduce(context, [context.GetInt("axis", 0)], context.GetInt("keepdims", 1) != 0));

    /// <summary>The input shape with the given axes (all when empty) reduced to 1 or dropped.</summary>
    private static Shape? Reduce(InferenceContext context, long[] axes, bool keepDims)
    {
        if (context.InputShape(0) is not { } shape)
            return null;
        var reduced = new bool[shape.Rank];
        foreach (var axis in axes)
        {
            int index = ShapeRules.Axis(context, axis, shape.Rank, "axes element");
            if (reduced[index])
                throw context.Fail($"axis {axis} appears more than once in axes");
            reduced[index] = true;
        }
        var dims = new List<Dim>();
        for (int i = 0; i < shape.Rank; i++)
        {
            if (axes.Length > 0 && !reduced[i])
                dims.Add(shape.Dims[i]);
            else if (keepDims)
                dims.Add(new Dim(1));
        }
        return new Shape(dims);
    }
}
