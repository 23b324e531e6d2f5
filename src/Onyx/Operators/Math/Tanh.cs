namespace Onyx.Operators;

/// <summary>The Tanh operator (ai.onnx).</summary>
internal static class Tanh
{
    internal static readonly OperatorSchema V1 = new("Tanh", 1)
    {
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        Attributes = [new("consumed_inputs", AttributeType.Ints)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes = [],
    };

    internal static readonly OperatorSchema V13 = V6 with
    {
        SinceVersion = 13,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V6, V13];
}
