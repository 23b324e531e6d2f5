using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The LinearAttention operator (ai.onnx).</summary>
internal static partial class LinearAttention
{
    internal static readonly OperatorSchema V27 = new("LinearAttention", 27)
    {
        Inputs =
        [
            new("query", "T"),
            new("key", "T"),
            new("value", "T"),
            new("past_state", "S", Optional),
            new("decay", "T", Optional),
            new("beta", "T", Optional),
        ],
        Outputs =
        [
            new("output", "T"),
            new("present_state", "S"),
        ],
        Attributes =
        [
            new("chunk_size", 64L),
            new("kv_num_heads", AttributeType.Int, Required: true),
            new("q_num_heads", AttributeType.Int, Required: true),
            new("scale", 0.0f),
            new("update_rule", "gated_delta"),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(bfloat16), tensor(float)"),
            new("S", "tensor(float16), tensor(bfloat16), tensor(float)"),
        ],
        FunctionBody = LinearAttention.BodyV27,
    };

    internal static OperatorSchema[] Versions => [V27];
}
