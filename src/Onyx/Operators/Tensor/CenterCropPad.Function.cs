namespace Onyx.Operators;

internal static partial class CenterCropPad
{
    /// <summary>
    /// Pads each of the axes (default all) that is smaller than shape evenly on both sides (the extra element at the
    /// end), then slices the centre of the requested size (the extra element at the start).
    /// </summary>
    internal static FunctionBody BodyV18(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(18);
        string two = w.Ints(2);
        IReadOnlyList<long>? axes = context.Attributes.Ints("axes");
        string axesInput = axes is null ? "" : w.Ints([.. axes]);
        string SizesOf(string tensor) => axes is null ? w.Op("Shape", tensor) : w.Op("Gather", w.Op("Shape", tensor), axesInput);
        string size = SizesOf("input_data");
        string padding = w.Op("Sub", w.Op("Max", size, "shape"), size);
        string before = w.Op("Div", padding, two);
        string pads = w.Op("Concat", [before, w.Op("Sub", padding, before)], Attribute.Create("axis", 0L));
        string padded = axes is null ? w.Op("Pad", "input_data", pads) : w.Op("Pad", "input_data", pads, "", axesInput);
        string start = w.Op("Div", w.Op("Sub", SizesOf(padded), "shape"), two);
        string end = w.Op("Add", start, "shape");
        w.Output("output_data", axes is null ? w.Op("Slice", padded, start, end) : w.Op("Slice", padded, start, end, axesInput));
        return w.ToBody();
    }
}
