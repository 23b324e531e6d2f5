namespace Onyx.Operators;

internal static partial class Shrink
{
    /// <summary>output = input &lt; -lambd ? input + bias : (lambd &lt; input ? input - bias : 0).</summary>
    internal static FunctionBody BodyV9(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        string lambd = w.ScalarLike(context.Attributes.Float("lambd", 0.5f), "input");
        string bias = w.ScalarLike(context.Attributes.Float("bias", 0f), "input");
        string zero = w.ScalarLike(0f, "input");
        string below = w.Op("Less", "input", w.Op("Neg", lambd));
        string added = w.Op("Add", "input", bias);
        string subtracted = w.Op("Sub", "input", bias);
        string above = w.Op("Where", w.Op("Less", lambd, "input"), subtracted, zero);
        w.Output("output", w.Op("Where", below, added, above));
        return w.ToBody();
    }
}
