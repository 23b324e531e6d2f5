namespace Onyx.Operators;

internal static partial class NegativeLogLikelihoodLoss
{
    /// <summary>
    /// loss[n, d...] = -input[n, target[n, d...], d...] * weight[target[n, d...]] (weight 1 when absent), targets equal
    /// to ignore_index contributing 0 and weight 0, then reduced: none, sum, or mean (the sum divided by the summed
    /// weights). Version 12 gives Unsqueeze and Squeeze their axes as attributes. No body while input's type is unknown.
    /// </summary>
    internal static FunctionBody? BodyV12(FunctionBodyContext context)
    {
        DataType type = context.InputElementType(0);
        if (type == DataType.Undefined)
            return null;
        var w = new FunctionBodyWriter(context.Schema.SinceVersion);
        w.Output("loss", Write(w, context, "input", "target", FunctionBodyWriter.Input(context, 2), type));
        return w.ToBody();
    }

    private static string Write(FunctionBodyWriter w, FunctionBodyContext context, string input, string target, string weight, DataType type)
    {
        string reduction = context.Attributes.String("reduction", "mean");
        bool axesAsInput = w.OpsetVersion >= 13;
        string zero = w.Ints(0), one = w.Ints(1);
        string axes = axesAsInput ? w.Ints(1) : "";
        string AlongAxis1(string op, string value) =>
            axesAsInput ? w.Op(op, value, axes) : w.Op(op, [value], Attribute.Create("axes", new[] { 1L }));
        string Sum(string value) => w.Op("ReduceSum", [value], Attribute.Create("keepdims", 0L));
        string expandedTarget = AlongAxis1("Unsqueeze", target);

        string weights;
        string lossN1;
        if (context.Node.FindAttribute("ignore_index") is null)
        {
            lossN1 = w.Op("Slice", w.Op("Neg", w.Op("GatherElements", [input, expandedTarget], Attribute.Create("axis", 1L))), zero, one, one);
            if (weight.Length == 0)
            {
                string unweighted = AlongAxis1("Squeeze", lossN1);
                return reduction switch
                {
                    "none" => unweighted,
                    "mean" => w.Op("ReduceMean", [unweighted], Attribute.Create("keepdims", 0L)),
                    _ => Sum(unweighted),
                };
            }
            weights = w.Op("Gather", weight, target);
        }
        else
        {
            string ignoreIndex = w.Ints(context.Attributes.Int("ignore_index")!.Value);
            string zeroTarget = w.Op("Sub", expandedTarget, expandedTarget);
            string mask = w.Op("Equal", w.Cast(expandedTarget, DataType.Int64), ignoreIndex);
            string safeTarget = w.Op("Where", mask, zeroTarget, expandedTarget);
            string gathered = w.Op("GatherElements", [input, safeTarget], Attribute.Create("axis", 1L));
            string zeroValue = Typed(w, 0f, type);
            lossN1 = w.Op("Slice", w.Op("Neg", w.Op("Where", mask, zeroValue, gathered)), zero, one, one);
            weights = weight.Length == 0
                ? w.Op("Where", AlongAxis1("Squeeze", mask), zeroValue, Typed(w, 1f, type))
                : AlongAxis1("Squeeze", w.Op("Where", mask, zeroValue, w.Op("Gather", weight, safeTarget)));
        }
        string loss = w.Op("Mul", AlongAxis1("Squeeze", lossN1), weights);
        return reduction switch
        {
            "none" => loss,
            "mean" => w.Op("Div", Sum(loss), Sum(weights)),
            _ => Sum(loss),
        };
    }

    /// <summary>A 1-D float constant, cast to <paramref name="type"/> unless that is float.</summary>
    private static string Typed(FunctionBodyWriter w, float value, DataType type)
    {
        string constant = w.Constant(Tensor.FromArray([value], 1));
        return type == DataType.Float ? constant : w.Cast(constant, type);
    }
}
