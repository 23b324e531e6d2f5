namespace Onyx.Operators;

/// <summary>The MeanVarianceNormalization operator (ai.onnx).</summary>
internal static partial class MeanVarianceNormalization
{
    internal static readonly OperatorSchema V9 = new("MeanVarianceNormalization", 9)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes = [new("axes", [0L, 2L, 3L])],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = InferMeanVarianceNormalization,
        FunctionBody = MeanVarianceNormalization.BodyV9,
    };

    internal static readonly OperatorSchema V13 = V9 with
    {
        SinceVersion = 13,
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)")],
    };

    /// <summary>Y has X's shape; every axis must be within its rank.</summary>
    private static void InferMeanVarianceNormalization(InferenceContext context)
    {
        if (context.InputRank(0) is int rank && context.GetInts("axes") is { } axes)
            foreach (long axis in axes)
                ShapeRules.Axis(context, axis, rank, "axes value");
        ShapeRules.SameAsFirstInput(context);
    }

    internal static OperatorSchema[] Versions => [V9, V13];
}
