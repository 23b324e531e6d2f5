using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Attention operator (ai.onnx).</summary>
internal static partial class Attention
{
    internal static readonly OperatorSchema V23 = new("Attention", 23)
    {
        Inputs =
        [
            new("Q", "T1"),
            new("K", "T1"),
            new("V", "T2"),
            new("attn_mask", "U", Optional),
            new("past_key", "T1", Optional),
            new("past_value", "T2", Optional),
        ],
        Outputs =
        [
            new("Y", "T1"),
            new("present_key", "T1", Optional),
            new("present_value", "T2", Optional),
            new("qk_matmul_output", "T1", Optional),
        ],
        Attributes =
        [
            new("is_causal", 0L),
            new("kv_num_heads", AttributeType.Int),
            new("q_num_heads", AttributeType.Int),
            new("qk_matmul_output_mode", 0L),
            new("scale", AttributeType.Float),
            new("softcap", 0.0f),
            new("softmax_precision", AttributeType.Int),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("U", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(bool)"),
        ],
        FunctionBody = Attention.BodyV23,
    };

    internal static readonly OperatorSchema V24 = V23 with
    {
        SinceVersion = 24,
        Inputs =
        [
            new("Q", "T1"),
            new("K", "T1"),
            new("V", "T2"),
            new("attn_mask", "U", Optional),
            new("past_key", "T1", Optional),
            new("past_value", "T2", Optional),
            new("nonpad_kv_seqlen", "tensor(int64)", Optional),
        ],
        FunctionBody = Attention.BodyV24,
    };

    internal static readonly OperatorSchema V25 = V24 with
    {
        SinceVersion = 25,
        Attributes =
        [
            new("is_causal", 0L),
            new("kv_num_heads", AttributeType.Int),
            new("left_window_size", -1L),
            new("q_num_heads", AttributeType.Int),
            new("qk_matmul_output_mode", 0L),
            new("right_window_size", -1L),
            new("scale", AttributeType.Float),
            new("softcap", 0.0f),
            new("softmax_precision", AttributeType.Int),
        ],
        FunctionBody = Attention.BodyV25,
    };

    internal static OperatorSchema[] Versions => [V23, V24, V25];
}
