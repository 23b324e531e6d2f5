namespace Onyx.Operators;

/// <summary>Inference shared by Softmax, LogSoftmax and Hardmax.</summary>
internal static class SoftmaxFamily
{
    /// <summary>Since version 11: the input has rank at least 1 and 'axis' lies in [-rank, rank); the output keeps the input's shape.</summary>
    public static void Infer(InferenceContext context)
    {
        if (context.InputRank(0) is int rank)
        {
            if (rank == 0)
                throw context.Fail($"input 0 ('{context.Node.Inputs[0]}') must have rank at least 1, but it is a scalar");
            ShapeRules.Axis(context, context.GetInt("axis", -1), rank, "attribute 'axis'");
        }
        ShapeRules.SameAsFirstInput(context);
    }
}
