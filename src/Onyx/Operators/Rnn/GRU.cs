using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The GRU operator (ai.onnx).</summary>
internal static class GRU
{
    internal static readonly OperatorSchema V1 = new("GRU", 1)
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
            new("Y_h", "T"),
        ],
        Attributes =
        [
            new("activation_alpha", AttributeType.Floats),
            new("activation_beta", AttributeType.Floats),
            new("activations", AttributeType.Strings),
            new("clip", AttributeType.Float),
            new("direction", "foward"),
            new("hidden_size", AttributeType.Int),
            new("output_sequence", 0L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double)"),
            new("T1", "tensor(int32)"),
        ],
        Inference = c => RecurrentShape.Infer(c, gates: 3),
    };

    internal static readonly OperatorSchema V3 = V1 with
    {
        SinceVersion = 3,
        Outputs =
        [
            new("Y", "T", Optional),
            new("Y_h", "T", Optional),
        ],
        Attributes =
        [
            new("activation_alpha", AttributeType.Floats),
            new("activation_beta", AttributeType.Floats),
            new("activations", AttributeType.Strings),
            new("clip", AttributeType.Float),
            new("direction", "forward"),
            new("hidden_size", AttributeType.Int),
            new("linear_before_reset", 0L),
            new("output_sequence", 0L),
        ],
    };

    internal static readonly OperatorSchema V7 = V3 with
    {
        SinceVersion = 7,
        Attributes =
        [
            new("activation_alpha", AttributeType.Floats),
            new("activation_beta", AttributeType.Floats),
            new("activations", AttributeType.Strings),
            new("clip", AttributeType.Float),
            new("direction", "forward"),
            new("hidden_size", AttributeType.Int),
            new("linear_before_reset", 0L),
        ],
    };

    internal static readonly OperatorSchema V14 = V7 with
    {
        SinceVersion = 14,
        Attributes =
        [
            new("activation_alpha", AttributeType.Floats),
            new("activation_beta", AttributeType.Floats),
            new("activations", AttributeType.Strings),
            new("clip", AttributeType.Float),
            new("direction", "forward"),
            new("hidden_size", AttributeType.Int),
            new("layout", 0L),
            new("linear_before_reset", 0L),
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

    internal static OperatorSchema[] Versions => [V1, V3, V7, V14, V22];
}
