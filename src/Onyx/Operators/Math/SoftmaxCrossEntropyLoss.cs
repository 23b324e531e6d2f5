using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The SoftmaxCrossEntropyLoss operator (ai.onnx).</summary>
internal static partial class SoftmaxCrossEntropyLoss
{
    internal static readonly OperatorSchema V12 = new("SoftmaxCrossEntropyLoss", 12)
    {
        Inputs =
        [
            new("scores", "T"),
            new("labels", "Tind"),
            new("weights", "T", Optional),
        ],
        Outputs =
        [
            new("output", "T"),
            new("log_prob", "T", Optional),
        ],
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
        FunctionBody = SoftmaxCrossEntropyLoss.BodyV12,
    };

    internal static readonly OperatorSchema V13 = V12 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V12, V13];
}
