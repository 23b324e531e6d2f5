namespace Onyx.Operators;

internal static partial class DynamicQuantizeLinear
{
    /// <summary>
    /// y_scale = (max(x, 0) - min(x, 0)) / 255 over all of x, y_zero_point = round(clip(-min(x, 0) / y_scale, 0, 255))
    /// as uint8, y = QuantizeLinear(x, y_scale, y_zero_point).
    /// </summary>
    internal static FunctionBody BodyV11(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(11);
        string qMin = w.Scalar(0f), qMax = w.Scalar(255f);
        Attribute allAxes = Attribute.Create("keepdims", 0L);
        string min = w.Op("Min", w.Op("ReduceMin", ["x"], allAxes), qMin);
        string max = w.Op("Max", w.Op("ReduceMax", ["x"], allAxes), qMin);
        string scale = w.Op("Div", w.Op("Sub", max, min), qMax);
        string zeroPoint = w.Op("Sub", qMin, w.Op("Div", min, scale));
        string rounded = w.Op("Round", w.Op("Clip", zeroPoint, qMin, qMax));
        string quantizedZeroPoint = w.Cast(rounded, DataType.UInt8);
        w.Output("y_scale", w.Op("Identity", scale));
        w.Output("y_zero_point", w.Op("Identity", quantizedZeroPoint));
        w.Output("y", w.Op("QuantizeLinear", "x", scale, quantizedZeroPoint));
        return w.ToBody();
    }
}
