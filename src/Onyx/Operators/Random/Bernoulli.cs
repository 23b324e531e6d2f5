namespace Onyx.Operators;

/// <summary>The Bernoulli operator (ai.onnx).</summary>
internal static partial class Bernoulli
{
    internal static readonly OperatorSchema V15 = new("Bernoulli", 15)
    {
        Inputs = [new("input", "T1")],
        Outputs = [new("output", "T2")],
        Attributes =
        [
            new("dtype", AttributeType.Int),
            new("seed", AttributeType.Float),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16), tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bool)"),
        ],
        Inference = RandomShapes.LikeFirstInput,
        FunctionBody = Bernoulli.BodyV15,
    };

    internal static readonly OperatorSchema V22 = V15 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(bool)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V15, V22];
}
