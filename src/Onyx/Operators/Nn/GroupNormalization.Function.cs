namespace Onyx.Operators;

internal static partial class GroupNormalization
{
    /// <summary>
    /// X [N, C, ...] is viewed as [N, num_groups, C / num_groups * ...]; each group is normalized in stash_type
    /// ((x - mean) / sqrt(var + epsilon)), cast back, scaled and biased per channel (as [1, C, 1]) and given X's shape
    /// again. No body while X's type is unknown or for an unsupported stash_type.
    /// </summary>
    internal static FunctionBody? BodyV21(FunctionBodyContext context)
    {
        DataType type = context.InputElementType(0);
        var stash = (DataType)context.Attributes.Int("stash_type", (long)DataType.Float);
        if (type == DataType.Undefined || context.Attributes.Int("num_groups") is not long groups
            || stash is not (DataType.Float or DataType.BFloat16 or DataType.Float16 or DataType.Double))
            return null;
        var w = new FunctionBodyWriter(21);
        string epsilon = w.Cast(w.Constant(Tensor.FromArray([context.Attributes.Float("epsilon", 1e-5f)], 1)), stash);
        string x = w.Cast("X", stash);
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
        string perChannel = w.Cast(w.Op("Reshape", w.Op("Reshape", normalized, shape), shape3D), type);
        string parameterShape = w.Ints(1, -1, 1);
        string scale = w.Op("Reshape", w.Cast("scale", type), parameterShape);
        string bias = w.Op("Reshape", w.Cast("bias", type), parameterShape);
        w.Output("Y", w.Op("Reshape", w.Op("Add", w.Op("Mul", scale, perChannel), bias), shape));
        return w.ToBody();
    }
}
