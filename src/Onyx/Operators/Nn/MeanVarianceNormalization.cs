namespace Onyx.Operators;

/// <summary>The MeanVarianceNormalization operator (ai.onnx).</summary>
internal static partial class MeanVarianceNormalization
{
    internal static readonly OperatorSchema V9 = new("MeanVarianceNormalization", 9)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes = [new("axes", [0L, 2L, 3L])],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        FunctionBody = MeanVarianceNormalization.BodyV9,
    };

    internal static readonly OperatorSchema V13 = V9 with
    {
        SinceVersion = 13,
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)")],
    };

    internal static OperatorSchema[] Versions => [V9, V13];
}
