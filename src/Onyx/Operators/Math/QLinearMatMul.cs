namespace Onyx.Operators;

/// <summary>The QLinearMatMul operator (ai.onnx).</summary>
internal static class QLinearMatMul
{
    internal static readonly OperatorSchema V10 = new("QLinearMatMul", 10)
    {
        Inputs =
        [
            new("a", "T1"),
            new("a_scale", "tensor(float)"),
            new("a_zero_point", "T1"),
            new("b", "T2"),
            new("b_scale", "tensor(float)"),
            new("b_zero_point", "T2"),
            new("y_scale", "tensor(float)"),
            new("y_zero_point", "T3"),
        ],
        Outputs = [new("y", "T3")],
        TypeConstraints =
        [
            new("T1", "tensor(int8), tensor(uint8)"),
            new("T2", "tensor(int8), tensor(uint8)"),
            new("T3", "tensor(int8), tensor(uint8)"),
        ],
        Inference = context => context.SetOutput(0, context.InputElementType(7), MatrixShapes.MatMul(context, 0, 3)),
    };

    internal static readonly OperatorSchema V21 = V10 with
    {
        SinceVersion = 21,
        Inputs =
        [
            new("a", "T1"),
            new("a_scale", "TS"),
            new("a_zero_point", "T1"),
            new("b", "T2"),
            new("b_scale", "TS"),
            new("b_zero_point", "T2"),
            new("y_scale", "TS"),
            new("y_zero_point", "T3"),
        ],
        TypeConstraints =
        [
            new("TS", "tensor(float), tensor(float16), tensor(bfloat16)"),
            new("T1", "tensor(int8), tensor(uint8), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
            new("T2", "tensor(int8), tensor(uint8), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
            new("T3", "tensor(int8), tensor(uint8), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V10, V21];
}
