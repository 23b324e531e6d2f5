namespace Onyx.Operators;

/// <summary>The Softsign operator (ai.onnx).</summary>
internal static partial class Softsign
{
    internal static readonly OperatorSchema V1 = new("Softsign", 1)
    {
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
        FunctionBody = Softsign.BodyV1,
    };

    internal static readonly OperatorSchema V22 = V1 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V22];
}
