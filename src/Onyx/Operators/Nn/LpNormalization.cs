namespace Onyx.Operators;

/// <summary>The LpNormalization operator (ai.onnx).</summary>
internal static class LpNormalization
{
    internal static readonly OperatorSchema V1 = new("LpNormalization", 1)
    {
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        Attributes =
        [
            new("axis", -1L),
            new("p", 2L),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
    };

    internal static readonly OperatorSchema V22 = V1 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V22];
}
