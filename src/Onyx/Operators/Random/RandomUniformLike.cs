namespace Onyx.Operators;

/// <summary>The RandomUniformLike operator (ai.onnx).</summary>
internal static class RandomUniformLike
{
    internal static readonly OperatorSchema V1 = new("RandomUniformLike", 1)
    {
        Inputs = [new("input", "T1")],
        Outputs = [new("output", "T2")],
        Attributes =
        [
            new("dtype", AttributeType.Int),
            new("high", 1.0f),
            new("low", 0.0f),
            new("seed", AttributeType.Float),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T2", "tensor(float16), tensor(float), tensor(double)"),
        ],
        Inference = RandomShapes.LikeFirstInput,
    };

    internal static readonly OperatorSchema V22 = V1 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T2", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V22];
}
