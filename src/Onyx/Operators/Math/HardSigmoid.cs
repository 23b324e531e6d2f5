namespace Onyx.Operators;

/// <summary>The HardSigmoid operator (ai.onnx).</summary>
internal static partial class HardSigmoid
{
    internal static readonly OperatorSchema V1 = new("HardSigmoid", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("alpha", 0.2f),
            new("beta", 0.5f),
            new("consumed_inputs", AttributeType.Ints),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes =
        [
            new("alpha", 0.2f),
            new("beta", 0.5f),
        ],
        FunctionBody = HardSigmoid.BodyV6,
    };

    internal static readonly OperatorSchema V22 = V6 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V6, V22];
}
