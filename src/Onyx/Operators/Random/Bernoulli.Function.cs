namespace Onyx.Operators;

internal static partial class Bernoulli
{
    /// <summary>
    /// output = Cast(Greater(RandomUniformLike(input), input)) to dtype (default: the input type), as onnx writes the
    /// body (it draws 1 with probability 1 − p, unlike the operator's text; Onyx's kernel follows the text); no body
    /// while the input type is unknown.
    /// </summary>
    internal static FunctionBody? BodyV15(FunctionBodyContext context)
    {
        DataType inputType = context.InputElementType(0);
        if (inputType == DataType.Undefined)
            return null;
        var uniform = new List<Attribute>
        {
            Attribute.Create("low", 0f),
            Attribute.Create("high", 1f),
            Attribute.Create("dtype", (long)inputType),
        };
        if (context.Attributes.Float("seed") is float seed)
            uniform.Add(Attribute.Create("seed", seed));
        var w = new FunctionBodyWriter(context.Schema.SinceVersion);
        string draws = w.Op("RandomUniformLike", ["input"], [.. uniform]);
        string below = w.Op("Greater", draws, "input");
        w.Output("output", w.Cast(below, (DataType)context.Attributes.Int("dtype", (long)inputType)));
        return w.ToBody();
    }
}
