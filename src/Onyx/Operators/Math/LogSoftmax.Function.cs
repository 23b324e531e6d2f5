namespace Onyx.Operators;

internal static partial class LogSoftmax
{
    /// <summary>output = (x - max) - log(sum(exp(x - max))) along axis.</summary>
    internal static FunctionBody BodyV13(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(context.OpsetVersion >= 18 ? 18 : 13);
        SoftmaxTerms terms = SoftmaxTerms.Write(w, "input", context.Attributes.Int("axis", -1));
        w.Output("output", w.Op("Sub", terms.Shifted, w.Op("Log", terms.Sum)));
        return w.ToBody();
    }
}
