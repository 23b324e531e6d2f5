namespace Onyx.Operators;

/// <summary>The Softplus operator (ai.onnx).</summary>
internal static partial class Softplus
{
    internal static readonly OperatorSchema V1 = new("Softplus", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
        FunctionBody = Softplus.BodyV1,
    };

    internal static readonly OperatorSchema V22 = V1 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V22];
}
