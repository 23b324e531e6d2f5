namespace Onyx.Operators;

/// <summary>The MatMul operator (ai.onnx).</summary>
internal static class MatMul
{
    internal static readonly OperatorSchema V1 = new("MatMul", 1)
    {
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
        ],
        Outputs = [new("Y", "T")],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = context => context.SetOutput(0, context.InputElementType(0), MatrixShapes.MatMul(context, 0, 1)),
    };

    internal static readonly OperatorSchema V9 = V1 with
    {
        SinceVersion = 9,
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(uint32), tensor(uint64), tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V9 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(uint32), tensor(uint64), tensor(int32), tensor(int64), tensor(bfloat16)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V9, V13];
}
