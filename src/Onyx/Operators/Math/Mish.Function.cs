namespace Onyx.Operators;

internal static partial class Mish
{
    /// <summary>Y = X * tanh(softplus(X)).</summary>
    internal static FunctionBody BodyV18(FunctionBodyContext context) => Body(18);

    /// <inheritdoc cref="BodyV18"/>
    internal static FunctionBody BodyV22(FunctionBodyContext context) => Body(22);

    private static FunctionBody Body(int opset)
    {
        var w = new FunctionBodyWriter(opset);
        w.Output("Y", w.Op("Mul", "X", w.Op("Tanh", w.Op("Softplus", "X"))));
        return w.ToBody();
    }
}
