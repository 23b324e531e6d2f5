namespace Onyx.Operators;

/// <summary>The Multinomial operator (ai.onnx).</summary>
internal static class Multinomial
{
    internal static readonly OperatorSchema V7 = new("Multinomial", 7)
    {
        Inputs = [new("input", "T1")],
        Outputs = [new("output", "T2")],
        Attributes =
        [
            new("dtype", 6L),
            new("sample_size", 1L),
            new("seed", AttributeType.Float),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(int32), tensor(int64)"),
        ],
        Inference = RandomShapes.Multinomial,
    };

    internal static readonly OperatorSchema V22 = V7 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V7, V22];
}
