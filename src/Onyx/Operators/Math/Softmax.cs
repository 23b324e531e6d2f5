namespace Onyx.Operators;

/// <summary>The Softmax operator (ai.onnx).</summary>
internal static partial class Softmax
{
    internal static readonly OperatorSchema V1 = new("Softmax", 1)
    {
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        Attributes = [new("axis", 1L)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V11 = V1 with
    {
        SinceVersion = 11,
        Inference = SoftmaxFamily.Infer,
    };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        Attributes = [new("axis", -1L)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)")],
        FunctionBody = Softmax.BodyV13,
    };

    internal static OperatorSchema[] Versions => [V1, V11, V13];
}
