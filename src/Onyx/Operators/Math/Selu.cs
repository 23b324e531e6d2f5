namespace Onyx.Operators;

/// <summary>The Selu operator (ai.onnx).</summary>
internal static partial class Selu
{
    internal static readonly OperatorSchema V1 = new("Selu", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("alpha", 1.6732f),
            new("consumed_inputs", AttributeType.Ints),
            new("gamma", 1.0507f),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes =
        [
            new("alpha", 1.67326319217681884765625f),
            new("gamma", 1.05070102214813232421875f),
        ],
        FunctionBody = Selu.BodyV6,
    };

    internal static readonly OperatorSchema V22 = V6 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V6, V22];
}
