namespace Onyx.Operators;

/// <summary>The InstanceNormalization operator (ai.onnx).</summary>
internal static class InstanceNormalization
{
    internal static readonly OperatorSchema V1 = new("InstanceNormalization", 1)
    {
        Inputs =
        [
            new("input", "T"),
            new("scale", "T"),
            new("B", "T"),
        ],
        Outputs = [new("output", "T")],
        Attributes =
        [
            new("consumed_inputs", AttributeType.Ints),
            new("epsilon", 1e-05f),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = c => NormalizationShape.PerChannel(c, 1, 2),
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes = [new("epsilon", 1e-05f)],
    };

    internal static readonly OperatorSchema V22 = V6 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V6, V22];
}
