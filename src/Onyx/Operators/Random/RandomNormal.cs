namespace Onyx.Operators;

/// <summary>The RandomNormal operator (ai.onnx).</summary>
internal static class RandomNormal
{
    internal static readonly OperatorSchema V1 = new("RandomNormal", 1)
    {
        Outputs = [new("output", "T")],
        Attributes =
        [
            new("dtype", 1L),
            new("mean", 0.0f),
            new("scale", 1.0f),
            new("seed", AttributeType.Float),
            new("shape", AttributeType.Ints, Required: true),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = RandomShapes.FromShapeAttribute,
    };

    internal static readonly OperatorSchema V22 = V1 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V22];
}
