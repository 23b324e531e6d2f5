namespace Onyx.Operators;

/// <summary>The FlexAttention operator (ai.onnx.preview).</summary>
internal static partial class FlexAttention
{
    internal static readonly OperatorSchema V1 = new("FlexAttention", 1, "ai.onnx.preview")
    {
        Inputs =
        [
            new("Q", "T1"),
            new("K", "T1"),
            new("V", "T1"),
        ],
        Outputs = [new("Y", "T1")],
        Attributes =
        [
            new("prob_mod", AttributeType.Graph),
            new("scale", AttributeType.Float),
            new("score_mod", AttributeType.Graph),
            new("softmax_precision", AttributeType.Int),
        ],
        TypeConstraints = [new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
        FunctionBody = FlexAttention.BodyV1,
    };

    internal static OperatorSchema[] Versions => [V1];
}
