namespace Onyx.Operators;

internal static partial class RMSNormalization
{
    /// <summary>
    /// Y = scale * X / sqrt(mean(X^2) + epsilon), the mean over the axes from axis to the last, computed in stash_type
    /// and cast back. No body while X's type is unknown or for an unsupported stash_type.
    /// </summary>
    internal static FunctionBody? BodyV23(FunctionBodyContext context)
    {
        DataType type = context.InputElementType(0);
        var stash = (DataType)context.Attributes.Int("stash_type", (long)DataType.Float);
        if (type == DataType.Undefined || stash is not (DataType.Float or DataType.BFloat16 or DataType.Float16 or DataType.Double))
            return null;
        long axis = context.Attributes.Int("axis", -1);
        var w = new FunctionBodyWriter(23);
        string epsilon = w.Cast(w.Scalar(context.Attributes.Float("epsilon", 1e-5f)), stash);
        string rank = w.Op("Size", w.Op("Shape", "X"));
        string axisValue = w.Scalar(axis);
        string first = axis >= 0 ? w.Op("Identity", axisValue) : w.Op("Add", rank, axisValue);
        string axes = w.Op("Range", first, rank, w.Scalar(1L));
        string x = w.Cast("X", stash);
        string meanSquare = w.Op("ReduceMean", w.Op("Mul", x, x), axes);
        string rms = w.Op("Sqrt", w.Op("Add", meanSquare, epsilon));
        string normalized = w.Cast(w.Op("Div", x, rms), type);
        w.Output("Y", w.Op("Mul", normalized, "scale"));
        return w.ToBody();
    }
}
