using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The MatMulInteger operator (ai.onnx).</summary>
internal static class MatMulInteger
{
    internal static readonly OperatorSchema V10 = new("MatMulInteger", 10)
    {
        Inputs =
        [
            new("A", "T1"),
            new("B", "T2"),
            new("a_zero_point", "T1", Optional),
            new("b_zero_point", "T2", Optional),
        ],
        Outputs = [new("Y", "T3")],
        TypeConstraints =
        [
            new("T1", "tensor(int8), tensor(uint8)"),
            new("T2", "tensor(int8), tensor(uint8)"),
            new("T3", "tensor(int32)"),
        ],
        Inference = context => context.SetOutput(0, DataType.Int32, MatrixShapes.MatMul(context, 0, 1)),
    };

    internal static OperatorSchema[] Versions => [V10];
}
