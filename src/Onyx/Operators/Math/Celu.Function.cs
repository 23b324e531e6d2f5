namespace Onyx.Operators;

internal static partial class Celu
{
    /// <summary>Y = alpha * Elu(X / alpha) with Elu's alpha 1; version 12 is float only, so alpha needs no cast.</summary>
    internal static FunctionBody BodyV12(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(12);
        return Body(w, w.Scalar(context.Attributes.Float("alpha", 1f)));
    }

    /// <inheritdoc cref="BodyV12"/>
    internal static FunctionBody BodyV28(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(28);
        return Body(w, w.ScalarLike(context.Attributes.Float("alpha", 1f), "X"));
    }

    private static FunctionBody Body(FunctionBodyWriter w, string alpha)
    {
        string elu = w.Op("Elu", [w.Op("Div", "X", alpha)], Attribute.Create("alpha", 1f));
        w.Output("Y", w.Op("Mul", alpha, elu));
        return w.ToBody();
    }
}
