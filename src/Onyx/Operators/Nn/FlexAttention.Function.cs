namespace Onyx.Operators;

internal static partial class FlexAttention
{
    /// <summary>
    /// Y = prob_mod(softmax(score_mod(Q K^T * scale))) V with K and V heads repeated to Q's head count, scale
    /// defaulting to 1 / sqrt(head_size); the scores, modifiers and softmax run in softmax_precision (default float,
    /// double for double inputs). A modifier graph is inlined unless it just passes its input through. No body unless
    /// Q, K and V have one known type and each modifier has one input and one output.
    /// </summary>
    internal static FunctionBody? BodyV1(FunctionBodyContext context)
    {
        DataType type = context.InputElementType(0);
        if (type == DataType.Undefined || context.InputElementType(1) != type || context.InputElementType(2) != type)
            return null;
        var softmaxType = (DataType)(context.Attributes.Int("softmax_precision") ?? (long)(type == DataType.Double ? DataType.Double : DataType.Float));
        Graph? scoreMod = context.Attributes.Graph("score_mod"), probMod = context.Attributes.Graph("prob_mod");
        if (softmaxType is not (DataType.Float or DataType.Float16 or DataType.BFloat16 or DataType.Double) || !IsModifier(scoreMod) || !IsModifier(probMod))
            return null;

        var w = new FunctionBodyWriter(26);
        string Shape(string value, long start, long end) =>
            w.Op("Shape", [value], Attribute.Create("start", start), Attribute.Create("end", end));
        string Concat(params string[] parts) => w.Op("Concat", parts, Attribute.Create("axis", 0L));
        string batch = Shape("Q", 0, 1), kvLength = Shape("K", -2, -1);
        string qHeads = Shape("Q", 1, 2), kvHeads = Shape("K", 1, 2);
        string repeats = w.Op("Div", qHeads, kvHeads);
        string axis2 = w.Ints(2);
        string Aligned(string input)
        {
            string unsqueezed = w.Op("Unsqueeze", input, axis2);
            string headSize = Shape(input, 3, 4);
            string expanded = w.Op("Expand", unsqueezed, Concat(batch, kvHeads, repeats, kvLength, headSize));
            return w.Op("Reshape", expanded, Concat(batch, qHeads, kvLength, headSize));
        }
        string keys = Aligned("K"), values = Aligned("V");
        string scale;
        if (context.Attributes.Float("scale") is float given)
        {
            scale = w.Scalar(given);
        }
        else
        {
            string headSize = w.Op("Gather", [w.Op("Shape", "Q"), w.Scalar(3L)], Attribute.Create("axis", 0L));
            scale = w.Op("Identity", w.Op("Div", w.Scalar(1f), w.Op("Sqrt", w.Cast(headSize, DataType.Float))));
        }
        string scaleRoot = w.Cast(w.Op("Sqrt", scale), type);
        string keysT = w.Op("Transpose", [w.Op("Mul", keys, scaleRoot)], Attribute.Create("perm", new[] { 0L, 1, 3, 2 }));
        string scores = w.Cast(w.Op("MatMul", w.Op("Mul", "Q", scaleRoot), keysT), softmaxType);
        string modified = Modified(w, scoreMod, scores);
        string probabilities = Modified(w, probMod, w.Op("Softmax", [modified], Attribute.Create("axis", 3L)));
        w.Output("Y", softmaxType == type
            ? w.Op("MatMul", probabilities, values)
            : w.Cast(w.Op("MatMul", probabilities, w.Cast(values, softmaxType)), type));
        return w.ToBody();
    }

    private static bool IsModifier(Graph? graph) => graph is null || graph.Inputs.Count == 1 && graph.Outputs.Count == 1;

    /// <summary><paramref name="value"/> after the modifier graph, inlined; an Identity when there is none or it passes its input through.</summary>
    private static string Modified(FunctionBodyWriter w, Graph? modifier, string value)
    {
        if (modifier is null || modifier.Nodes.Count == 0 && modifier.Inputs[0].Name == modifier.Outputs[0].Name)
            return w.Op("Identity", value);
        return w.Inline(modifier, [value]);
    }
}
