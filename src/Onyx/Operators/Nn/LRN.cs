namespace Onyx.Operators;

/// <summary>The LRN operator (ai.onnx).</summary>
internal static class LRN
{
    internal static readonly OperatorSchema V1 = new("LRN", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("alpha", 0.0001f),
            new("beta", 0.75f),
            new("bias", 1.0f),
            new("size", AttributeType.Int, Required: true),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
    };

    internal static readonly OperatorSchema V13 = V1 with
    {
        SinceVersion = 13,
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)")],
    };

    internal static OperatorSchema[] Versions => [V1, V13];
}
