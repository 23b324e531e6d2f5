namespace Onyx.Operators;

/// <summary>The GlobalLpPool operator (ai.onnx).</summary>
internal static class GlobalLpPool
{
    internal static readonly OperatorSchema V1 = new("GlobalLpPool", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes = [new("p", 2.0f)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = PoolShape.InferGlobal,
    };

    internal static readonly OperatorSchema V2 = V1 with
    {
        SinceVersion = 2,
        Attributes = [new("p", 2L)],
    };

    internal static readonly OperatorSchema V22 = V2 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V2, V22];
}
