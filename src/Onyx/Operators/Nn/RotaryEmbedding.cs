using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The RotaryEmbedding operator (ai.onnx).</summary>
internal static partial class RotaryEmbedding
{
    internal static readonly OperatorSchema V23 = new("RotaryEmbedding", 23)
    {
        Inputs =
        [
            new("X", "T"),
            new("cos_cache", "T"),
            new("sin_cache", "T"),
            new("position_ids", "M", Optional),
        ],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("interleaved", 0L),
            new("num_heads", AttributeType.Int),
            new("rotary_embedding_dim", 0L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float), tensor(float16), tensor(bfloat16)"),
            new("M", "tensor(int64)"),
        ],
        FunctionBody = RotaryEmbedding.BodyV23,
    };

    internal static OperatorSchema[] Versions => [V23];
}
