namespace Onyx.Operators;

internal static partial class LayerNormalization
{
    /// <summary>
    /// X is flattened at axis to 2-D; each row is normalized in stash_type ((x - mean) / sqrt(var + epsilon)), cast back,
    /// scaled and biased by the flattened Scale and B, and reshaped to X's shape. Mean and InvStdDev come out with X's
    /// leading dims and ones for the normalized ones. From opset 18 ReduceMean takes its axes as an input.
    /// No body while X's type is unknown or stash_type is other than float or bfloat16.
    /// </summary>
    internal static FunctionBody? BodyV17(FunctionBodyContext context)
    {
        DataType type = context.InputElementType(0);
        var stash = (DataType)context.Attributes.Int("stash_type", (long)DataType.Float);
        if (type == DataType.Undefined || stash is not (DataType.Float or DataType.BFloat16))
            return null;
        long axis = context.Attributes.Int("axis", -1);
        var w = new FunctionBodyWriter(context.OpsetVersion >= 18 ? 18 : 17);
        string epsilon = w.Cast(w.Scalar(context.Attributes.Float("epsilon", 1e-5f)), stash);
        string shape = w.Op("Shape", "X");
        string rank = w.Op("Size", shape);
        string axis1D = w.Ints(axis);
        string prefix = w.Op("Slice", shape, w.Ints(0), axis1D);
        string reducedCount = axis >= 0 ? w.Op("Sub", rank, axis1D) : w.Op("Neg", axis1D);
        string suffix = w.Op("ConstantOfShape", [reducedCount], Attribute.Create("value", Tensor.FromArray([1L], 1)));
        string reducedShape = w.Op("Concat", [prefix, suffix], Attribute.Create("axis", 0L));
        string x = w.Cast(w.Op("Flatten", ["X"], Attribute.Create("axis", axis)), stash);
        Func<string, string> rowMean;
        if (w.OpsetVersion >= 18)
        {
            string one = w.Ints(1);
            rowMean = v => w.Op("ReduceMean", v, one);
        }
        else
        {
            rowMean = v => w.Op("ReduceMean", [v], Attribute.Create("axes", new[] { 1L }));
        }
        string mean = rowMean(x);
        string meanOfSquare = rowMean(w.Op("Mul", x, x));
        string variance = w.Op("Sub", meanOfSquare, w.Op("Mul", mean, mean));
        string deviation = w.Op("Sqrt", w.Op("Add", variance, epsilon));
        string normalized = w.Cast(w.Op("Div", w.Op("Sub", x, mean), deviation), type);
        string scaled = w.Op("Mul", normalized, w.Op("Flatten", ["Scale"], Attribute.Create("axis", 0L)));
        string biased = context.HasInput(2)
            ? w.Op("Add", scaled, w.Op("Flatten", ["B"], Attribute.Create("axis", 0L)))
            : w.Op("Identity", scaled);
        w.Output("Y", w.Op("Reshape", biased, shape));
        string inverse = w.Op("Reciprocal", deviation);
        if (FunctionBodyWriter.HasOutput(context, 1))
            w.Output("Mean", w.Op("Reshape", mean, reducedShape));
        if (FunctionBodyWriter.HasOutput(context, 2))
            w.Output("InvStdDev", w.Op("Reshape", inverse, reducedShape));
        return w.ToBody();
    }
}
