namespace Onyx.Operators;

internal static partial class GroupNormalization
{
    /// <summary>
    /// X [N, C, ...] is viewed as [N, num_groups, C / num_groups * ...]; each group is normalized ((x - mean) /
    /// sqrt(var + epsilon)), then scale and bias (as [1, -1, 1]) apply and the result takes X's shape again.
    /// </summary>
    internal static FunctionBody? BodyV18(FunctionBodyContext context) => Body(context, stash: null);

    /// <summary>As version 18 with the statistics computed in stash_type and scale and bias per channel.</summary>
    internal static FunctionBody? BodyV21(FunctionBodyContext context)
    {
        var stash = (DataType)context.Attributes.Int("stash_type", (long)DataType.Float);
        return stash is DataType.Float or DataType.BFloat16 or DataType.Float16 or DataType.Double ? Body(context, stash) : null;
    }

    private static FunctionBody? Body(FunctionBodyContext context, DataType? stash)
    {
        DataType type = context.InputElementType(0);
        if (type == DataType.Undefined || context.Attributes.Int("num_groups") is not long groups)
            return null;
        var w = new FunctionBodyWriter(context.Schema.SinceVersion);
        string epsilon = w.Cast(w.Constant(Tensor.FromArray([context.Attributes.Float("epsilon", 1e-5f)], 1)), stash ?? type);
        string x = stash is { } s ? w.Cast("X", s) : "X";
        string shape = w.Op("Shape", x);
        string channels = w.Op("Shape", ["X"], Attribute.Create("start", 1L), Attribute.Create("end", 2L));
        string groupCount = w.Ints(groups);
        string groupSize = w.Op("Div", channels, groupCount);
        string batch = w.Op("Shape", ["X"], Attribute.Create("start", 0L), Attribute.Create("end", 1L));
        string instance = w.Op("Shape", ["X"], Attribute.Create("start", 2L));
        string grouped = w.Op("Reshape", x, w.Op("Concat", [batch, groupCount, groupSize, instance], Attribute.Create("axis", 0L)));
        string shape3D = w.Ints(0, 0, -1);
        string x3D = w.Op("Reshape", grouped, shape3D);
        string axes = w.Ints(2);
        string mean = w.Op("ReduceMean", x3D, axes);
        string meanOfSquare = w.Op("ReduceMean", w.Op("Mul", x3D, x3D), axes);
        string variance = w.Op("Sub", meanOfSquare, w.Op("Mul", mean, mean));
        string deviation = w.Op("Sqrt", w.Op("Add", variance, epsilon));
        string normalized = w.Op("Div", w.Op("Sub", x3D, mean), deviation);
        if (stash is not null)
            normalized = w.Cast(w.Op("Reshape", w.Op("Reshape", normalized, shape), shape3D), type);
        string parameterShape = w.Ints(1, -1, 1);
        string scale = w.Op("Reshape", w.Cast("scale", type), parameterShape);
        string bias = w.Op("Reshape", w.Cast("bias", type), parameterShape);
        w.Output("Y", w.Op("Reshape", w.Op("Add", w.Op("Mul", scale, normalized), bias), shape));
        return w.ToBody();
    }
}
