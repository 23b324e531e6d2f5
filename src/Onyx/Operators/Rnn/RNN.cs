using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The RNN operator (ai.onnx).</summary>
internal static class RNN
{
    internal static readonly OperatorSchema V1 = new("RNN", 1)
    {
        Inputs =
        [
            new("X", "T"),
            new("W", "T"),
            new("R", "T"),
            new("B", "T", Optional),
            new("sequence_lens", "T1", Optional),
            new("initial_h", "T", Optional),
        ],
        Outputs =
        [
            new("Y", "T", Optional),
            new("Y_h", "T", Optional),
        ],
        Attributes =
        [
            new("activation_alpha", AttributeType.Floats),
            new("activation_beta", AttributeType.Floats),
            new("activations", new string[] { "Tanh", "Tanh" }),
            new("clip", AttributeType.Float),
            new("direction", "forward"),
            new("hidden_size", AttributeType.Int),
            new("output_sequence", 0L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double)"),
            new("T1", "tensor(int32)"),
        ],
        Inference = c => RecurrentShape.Infer(c, gates: 1),
    };

    internal static readonly OperatorSchema V7 = V1 with
    {
        SinceVersion = 7,
        Attributes =
        [
            new("activation_alpha", AttributeType.Floats),
            new("activation_beta", AttributeType.Floats),
            new("activations", new string[] { "Tanh", "Tanh" }),
            new("clip", AttributeType.Float),
            new("direction", "forward"),
            new("hidden_size", AttributeType.Int),
        ],
    };

    internal static readonly OperatorSchema V14 = V7 with
    {
        SinceVersion = 14,
        Attributes =
        [
            new("activation_alpha", AttributeType.Floats),
            new("activation_beta", AttributeType.Floats),
            new("activations", new string[] { "Tanh", "Tanh" }),
            new("clip", AttributeType.Float),
            new("direction", "forward"),
            new("hidden_size", AttributeType.Int),
            new("layout", 0L),
        ],
    };

    internal static readonly OperatorSchema V22 = V14 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("T1", "tensor(int32)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V7, V14, V22];
}
