namespace Onyx.Operators;

/// <summary>
/// Inference shared by NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss: input 0 is [N, C] or [N, C, d1, …, dk],
/// input 1 (the targets) is [N] or [N, d1, …, dk], the optional input 2 (the class weights) is [C]. The loss has the
/// targets' shape with reduction 'none' and is a scalar with 'mean' or 'sum'.
/// </summary>
internal static class LossShapes
{
    public static void Infer(InferenceContext context)
    {
        string reduction = context.GetString("reduction", "mean");
        if (reduction is not ("none" or "mean" or "sum"))
            throw context.Fail($"attribute 'reduction' must be 'none', 'mean' or 'sum', but it is '{reduction}'");
        Shape? scores = context.InputShape(0), targets = context.InputShape(1);
        if (scores is not null && scores.Rank < 2)
            throw context.Fail($"input 0 must have shape [N, C] or [N, C, d1, ..., dk], but it has shape {scores}");
        Shape? perElement = targets;
        if (scores is not null && targets is not null)
        {
            if (targets.Rank != scores.Rank - 1)
                throw context.Fail($"input 1 {targets} must have input 0's shape {scores} without its class dimension C");
            var dims = new List<Dim> { ShapeRules.Unify(context, scores.Dims[0], targets.Dims[0], $"the batch size N of input 0 {scores} and input 1 {targets}") };
            for (int i = 1; i < targets.Rank; i++)
                dims.Add(ShapeRules.Unify(context, scores.Dims[i + 1], targets.Dims[i], $"dimension {i + 1} of input 0 {scores} and dimension {i} of input 1 {targets}"));
            perElement = new Shape(dims);
        }
        else if (scores is not null)
        {
            perElement = new Shape(scores.Dims.Where((_, i) => i != 1));
        }
        if (context.HasInput(2) && context.InputShape(2) is { } weights)
        {
            if (weights.Rank != 1)
                throw context.Fail($"input 2 (the class weights) must be 1-D [C], but it has shape {weights}");
            if (scores is not null)
                ShapeRules.Unify(context, scores.Dims[1], weights.Dims[0], $"the class count C of input 0 {scores} and input 2 {weights}");
        }
        DataType elementType = context.InputElementType(0);
        context.SetOutput(0, elementType, reduction == "none" ? perElement : new Shape());
        if (context.HasOutput(1))
            context.SetOutput(1, elementType, scores);
    }
}
