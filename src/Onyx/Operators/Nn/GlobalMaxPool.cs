namespace Onyx.Operators;

/// <summary>The GlobalMaxPool operator (ai.onnx).</summary>
internal static class GlobalMaxPool
{
    internal static readonly OperatorSchema V1 = new("GlobalMaxPool", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = PoolShape.InferGlobal,
    };

    internal static readonly OperatorSchema V22 = V1 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V22];
}
