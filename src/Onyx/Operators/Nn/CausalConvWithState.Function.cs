namespace Onyx.Operators;

internal static partial class CausalConvWithState
{
    /// <summary>
    /// A depthwise Conv (group = channels) over input left-padded with past_state (zeros when absent) by kernel size - 1
    /// steps, optionally followed by SiLU (computed in float); present_state is the last kernel size - 1 steps of the
    /// padded input. No body unless the channel count is known from input or weight, or for an unknown activation.
    /// </summary>
    internal static FunctionBody? BodyV27(FunctionBodyContext context)
    {
        if (ChannelCount(context) is not long channels)
            return null;
        string activation = context.Attributes.String("activation", "none");
        if (activation is not ("none" or "silu" or "swish"))
            return null;
        var w = new FunctionBodyWriter(27);
        string one = w.Ints(1);
        string history = w.Op("Sub", w.Op("Shape", ["weight"], Attribute.Create("start", 2L), Attribute.Create("end", 3L)), one);
        string past = context.HasInput(3) ? "past_state" : ZeroHistory(w, history);
        string padded = w.Op("Concat", [past, "input"], Attribute.Create("axis", 2L));
        List<string> convInputs = [padded, "weight"];
        if (context.HasInput(2))
            convInputs.Add("bias");
        string conv = w.Op("Conv", convInputs, Attribute.Create("group", channels));
        if (activation == "none")
        {
            w.Output("output", w.Op("Identity", conv));
        }
        else
        {
            string x = w.Cast(conv, DataType.Float);
            w.Output("output", w.Op("CastLike", w.Op("Mul", x, w.Op("Sigmoid", x)), conv));
        }
        string length = w.Op("Shape", [padded], Attribute.Create("start", 2L), Attribute.Create("end", 3L));
        w.Output("present_state", w.Op("Slice", padded, w.Op("Sub", length, history), length, w.Ints(2)));
        return w.ToBody();
    }

    /// <summary>Zeros of shape [batch, channels, kernel size - 1] in input's type.</summary>
    private static string ZeroHistory(FunctionBodyWriter w, string history)
    {
        string batch = w.Op("Shape", ["input"], Attribute.Create("start", 0L), Attribute.Create("end", 1L));
        string channels = w.Op("Shape", ["input"], Attribute.Create("start", 1L), Attribute.Create("end", 2L));
        string zeros = w.Op("ConstantOfShape", w.Op("Concat", [batch, channels, history], Attribute.Create("axis", 0L)));
        return w.Op("CastLike", zeros, "input");
    }

    private static long? ChannelCount(FunctionBodyContext context)
    {
        if (context.InputTypes[0] is not TensorTypeInfo { Shape: { Rank: >= 2 } shape })
            return null;
        if (shape.Dims[1].Value is long c)
            return c;
        return context.InputTypes.Count > 1 && context.InputTypes[1] is TensorTypeInfo { Shape: { Rank: >= 1 } weight } ? weight.Dims[0].Value : null;
    }
}
