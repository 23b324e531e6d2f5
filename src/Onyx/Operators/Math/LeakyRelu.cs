namespace Onyx.Operators;

/// <summary>The LeakyRelu operator (ai.onnx).</summary>
internal static partial class LeakyRelu
{
    internal static readonly OperatorSchema V1 = new("LeakyRelu", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("alpha", 0.01f),
            new("consumed_inputs", AttributeType.Ints),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes = [new("alpha", 0.01f)],
    };

    internal static readonly OperatorSchema V16 = V6 with
    {
        SinceVersion = 16,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
        FunctionBody = LeakyRelu.BodyV16,
    };

    internal static OperatorSchema[] Versions => [V1, V6, V16];
}
