namespace Onyx.Operators;

/// <summary>
/// The terms Softmax and LogSoftmax bodies share: x minus its maximum along one axis, its exponential and the
/// sum of that along the axis (dims kept). ReduceMax takes its axes as an input from version 18, an attribute before.
/// </summary>
internal sealed record SoftmaxTerms(string Shifted, string Exp, string Sum)
{
    public static SoftmaxTerms Write(FunctionBodyWriter w, string x, long axis)
    {
        string axes = w.Ints(axis);
        Attribute keepDims = Attribute.Create("keepdims", 1L);
        string max = w.OpsetVersion >= 18
            ? w.Op("ReduceMax", [x, axes], keepDims)
            : w.Op("ReduceMax", [x], keepDims, Attribute.Create("axes", new[] { axis }));
        string shifted = w.Op("Sub", x, max);
        string exp = w.Op("Exp", shifted);
        return new(shifted, exp, w.Op("ReduceSum", [exp, axes], keepDims));
    }
}
