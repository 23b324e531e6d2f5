namespace Onyx.Operators;

internal static partial class SoftmaxCrossEntropyLoss
{
    /// <summary>
    /// log_prob = LogSoftmax of scores over the class axis (1), computed on scores viewed as [N, D, C]; output =
    /// NegativeLogLikelihoodLoss(log_prob, labels, weights) with the node's reduction and ignore_index.
    /// </summary>
    internal static FunctionBody BodyV12(FunctionBodyContext context)
    {
        var w = new FunctionBodyWriter(context.Schema.SinceVersion);
        Attribute swapLastTwo = Attribute.Create("perm", new[] { 0L, 2, 1 });
        string classesLast = w.Op("Transpose", [w.Op("Reshape", "scores", w.Ints(0, 0, -1))], swapLastTwo);
        string logSoftmax = w.Op("LogSoftmax", [classesLast], Attribute.Create("axis", 2L));
        string logProb = w.Op("Reshape", w.Op("Transpose", [logSoftmax], swapLastTwo), w.Op("Shape", "scores"));
        if (FunctionBodyWriter.HasOutput(context, 1))
            w.Output("log_prob", w.Op("Identity", logProb));
        var attributes = new List<Attribute> { Attribute.Create("reduction", context.Attributes.String("reduction", "mean")) };
        if (context.Attributes.Int("ignore_index") is long ignoreIndex)
            attributes.Add(Attribute.Create("ignore_index", ignoreIndex));
        List<string> inputs = [logProb, "labels"];
        if (context.HasInput(2))
            inputs.Add("weights");
        w.Output("output", w.Op("NegativeLogLikelihoodLoss", inputs, [.. attributes]));
        return w.ToBody();
    }
}
