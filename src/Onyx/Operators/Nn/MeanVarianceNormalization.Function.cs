namespace Onyx.Operators;

internal static partial class MeanVarianceNormalization
{
    /// <summary>
    /// Y = (X - E[X]) / (sqrt(E[X^2] - E[X]^2) + 1e-9), the means over axes; from opset 18 ReduceMean takes the axes
    /// as an input.
    /// </summary>
    internal static FunctionBody BodyV9(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(context.OpsetVersion >= 18 ? 18 : context.Schema.SinceVersion);
        string exponent = w.Scalar(2f), epsilon = w.Scalar(1e-9f);
        long[] axes = [.. context.Attributes.Ints("axes") ?? [0, 2, 3]];
        Func<string, string> mean;
        if (w.OpsetVersion >= 18)
        {
            string axesInput = w.Ints(axes);
            mean = x => w.Op("ReduceMean", x, axesInput);
        }
        else
        {
            mean = x => w.Op("ReduceMean", [x], Attribute.Create("axes", axes));
        }
        string meanX = mean("X");
        string squaredMean = w.Op("Pow", meanX, exponent);
        string meanSquare = mean(w.Op("Pow", "X", exponent));
        string deviation = w.Op("Sqrt", w.Op("Sub", meanSquare, squaredMean));
        w.Output("Y", w.Op("Div", w.Op("Sub", "X", meanX), w.Op("Add", deviation, epsilon)));
        return w.ToBody();
    }
}
