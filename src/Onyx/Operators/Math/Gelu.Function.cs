namespace Onyx.Operators;

internal static partial class Gelu
{
    /// <summary>
    /// Y = 0.5 * X * (1 + erf(X / sqrt(2))), or with approximate = "tanh"
    /// Y = 0.5 * X * (1 + tanh(sqrt(2 / pi) * (X + 0.044715 * X^3))).
    /// </summary>
    internal static FunctionBody BodyV20(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(20);
        string half = w.ScalarLike(0.5f, "X");
        string one = w.ScalarLike(1f, "X");
        string phi;
        if (context.Attributes.String("approximate", "none") == "tanh")
        {
            string sqrtTwoOverPi = w.Op("Sqrt", w.ScalarLike(0.63661977236f, "X"));
            string cubed = w.Op("Pow", "X", w.ScalarLike(3f, "X"));
            string inner = w.Op("Sum", "X", w.Op("Mul", w.ScalarLike(0.044715f, "X"), cubed));
            phi = w.Op("Sum", one, w.Op("Tanh", w.Op("Mul", sqrtTwoOverPi, inner)));
        }
        else
        {
            string sqrtTwo = w.Op("Sqrt", w.ScalarLike(2f, "X"));
            phi = w.Op("Sum", one, w.Op("Erf", w.Op("Div", "X", sqrtTwo)));
        }
        w.Output("Y", w.Op("Mul", w.Op("Mul", half, "X"), phi));
        return w.ToBody();
    }
}
