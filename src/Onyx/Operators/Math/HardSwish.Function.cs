namespace Onyx.Operators;

internal static partial class HardSwish
{
    /// <summary>Y = X * HardSigmoid(X) with alpha 1/6 and beta 0.5.</summary>
    internal static FunctionBody BodyV14(FunctionBodyContext context) => Body(14);

    /// <inheritdoc cref="BodyV14"/>
    internal static FunctionBody BodyV22(FunctionBodyContext context) => Body(22);

    private static FunctionBody Body(int opset)
    {
        var w = new FunctionBodyWriter(opset);
        string sigmoid = w.Op("HardSigmoid", ["X"], Attribute.Create("alpha", 1f / 6), Attribute.Create("beta", 0.5f));
        w.Output("Y", w.Op("Mul", "X", sigmoid));
        return w.ToBody();
    }
}
