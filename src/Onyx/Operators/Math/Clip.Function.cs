namespace Onyx.Operators;

internal static partial class Clip
{
    /// <summary>output = min(max, max(input, min)), each bound only where given; Where keeps max winning when min &gt; max.</summary>
    internal static FunctionBody BodyV13(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(13);
        string value = "input";
        if (context.HasInput(1))
            value = w.Op("Where", w.Op("Less", value, "min"), "min", value);
        if (context.HasInput(2))
            value = w.Op("Where", w.Op("Less", "max", value), "max", value);
        if (value == "input")
            value = w.Op("Identity", "input");
        w.Output("output", value);
        return w.ToBody();
    }
}
