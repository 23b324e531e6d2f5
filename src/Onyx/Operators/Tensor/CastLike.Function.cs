namespace Onyx.Operators;

internal static partial class CastLike
{
    /// <summary>output = Cast(input) to target_type's element type; no body while that type is unknown.</summary>
    internal static FunctionBody? BodyV15(FunctionBodyContext context)
    {
        DataType target = context.InputElementType(1);
        if (target == DataType.Undefined)
            return null;
        var attributes = new List<Attribute> { Attribute.Create("to", (long)target) };
        if (context.Schema.FindAttribute("saturate") is not null)
            attributes.Add(Attribute.Create("saturate", context.Attributes.Int("saturate", 1)));
        if (context.Attributes.IsSet("round_mode"))
            attributes.Add(Attribute.Create("round_mode", context.Attributes.String("round_mode")!));
        var w = new FunctionBodyWriter(context.Schema.SinceVersion);
        w.Output("output", w.Op("Cast", ["input"], [.. attributes]));
        return w.ToBody();
    }
}
