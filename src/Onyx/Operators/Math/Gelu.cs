namespace Onyx.Operators;

/// <summary>The Gelu operator (ai.onnx).</summary>
internal static partial class Gelu
{
    internal static readonly OperatorSchema V20 = new("Gelu", 20)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes = [new("approximate", "none")],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)")],
        FunctionBody = Gelu.BodyV20,
    };

    internal static OperatorSchema[] Versions => [V20];
}
