namespace Onyx.Operators;

/// <summary>The rule of the per-channel normalizations (InstanceNormalization, GroupNormalization).</summary>
internal static class NormalizationShape
{
    /// <summary>Y has X's shape; each of <paramref name="parameters"/> is a 1-D tensor of X's channel count (X[1]).</summary>
    public static void PerChannel(InferenceContext context, params ReadOnlySpan<int> parameters)
    {
        Shape? x = ExpectedRank.AtLeast(context, 0, 2, "N × C × D1 …");
        Dim channels = ExpectedRank.DimOf(x, 1);
        foreach (int i in parameters)
            channels = ShapeRules.Unify(context, channels, ExpectedRank.DimOf(ExpectedRank.Exactly(context, i, 1, "C"), 0),
                $"the length of input {context.Schema.Inputs[i].Name} and the channels of X");
        context.SetOutput(0, context.InputElementType(0), x);
    }

}
