namespace Onyx.Operators;

/// <summary>The Elu operator (ai.onnx).</summary>
internal static partial class Elu
{
    internal static readonly OperatorSchema V1 = new("Elu", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("alpha", 1.0f),
            new("consumed_inputs", AttributeType.Ints),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes = [new("alpha", 1.0f)],
        FunctionBody = Elu.BodyV6,
    };

    internal static readonly OperatorSchema V22 = V6 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V6, V22];
}
