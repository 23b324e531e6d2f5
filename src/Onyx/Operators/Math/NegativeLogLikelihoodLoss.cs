using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The NegativeLogLikelihoodLoss operator (ai.onnx).</summary>
internal static partial class NegativeLogLikelihoodLoss
{
    internal static readonly OperatorSchema V12 = new("NegativeLogLikelihoodLoss", 12)
    {
        Inputs =
        [
            new("input", "T"),
            new("target", "Tind"),
            new("weight", "T", Optional),
        ],
        Outputs = [new("loss", "T")],
        Attributes =
        [
            new("ignore_index", AttributeType.Int),
            new("reduction", "mean"),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
        Inference = LossShapes.Infer,
        FunctionBody = NegativeLogLikelihoodLoss.BodyV12,
    };

    internal static readonly OperatorSchema V13 = V12 with { SinceVersion = 13 };

    internal static readonly OperatorSchema V22 = V13 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V12, V13, V22];
}
