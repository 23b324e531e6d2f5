namespace Onyx.Operators;

/// <summary>
/// The body the cosine-sum windows share: w[n] = a0 - a1 cos(2 pi n / N) + a2 cos(4 pi n / N) for n in [0, size),
/// where N is size when periodic and size - 1 when symmetric, cast to output_datatype.
/// </summary>
internal static class CosineSumWindow
{
    public static FunctionBody Write(FunctionBodyContext context, float a0, float a1, float a2)
    {
        var w = new FunctionBodyWriter(17);
        string c0 = w.Scalar(a0), c1 = w.Scalar(a1), c2 = w.Scalar(a2);
        string zero = w.Scalar(0f), one = w.Scalar(1f), two = w.Scalar(2f), tau = w.Scalar(6.2831853f);
        string periodicSize = w.Cast("size", DataType.Float);
        string symmetricSize = w.Op("Sub", periodicSize, one);
        string isPeriodic = w.Cast(w.Scalar(context.Attributes.Int("periodic", 1)), DataType.Float);
        string isSymmetric = w.Op("Sub", one, isPeriodic);
        string n = w.Op("Add", w.Op("Mul", periodicSize, isPeriodic), w.Op("Mul", symmetricSize, isSymmetric));
        string increment = w.Op("Div", tau, n);
        string angle = w.Op("Mul", w.Op("Range", zero, periodicSize, one), increment);
        string second = w.Op("Mul", c2, w.Op("Cos", w.Op("Mul", angle, two)));
        string first = w.Op("Mul", c1, w.Op("Cos", angle));
        string window = w.Op("Add", w.Op("Sub", c0, first), second);
        w.Output("output", w.Cast(window, (DataType)context.Attributes.Int("output_datatype", (long)DataType.Float)));
        return w.ToBody();
    }
}
