namespace Onyx.Operators;

/// <summary>The Not operator (ai.onnx).</summary>
internal static class Not
{
    internal static readonly OperatorSchema V1 = new("Not", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Inference = ShapeRules.SameAsFirstInput,
        TypeConstraints = [new("T", "tensor(bool)")],
    };

    internal static OperatorSchema[] Versions => [V1];
}
