namespace Onyx.Operators;

/// <summary>The Where operator (ai.onnx).</summary>
internal static class Where
{
    internal static readonly OperatorSchema V9 = new("Where", 9)
    {
        Inference = InferWhere,
        Inputs =
        [
            new("condition", "B"),
            new("X", "T"),
            new("Y", "T"),
        ],
        Outputs = [new("output", "T")],
        TypeConstraints =
        [
            new("B", "tensor(bool)"),
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V16 = V9 with
    {
        SinceVersion = 16,
        TypeConstraints =
        [
            new("B", "tensor(bool)"),
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    /// <summary>The output has X's element type and the broadcast of condition, X and Y.</summary>
    private static void InferWhere(InferenceContext context)
    {
        DataType elementType = context.InputElementType(1);
        if (elementType == DataType.Undefined)
            elementType = context.InputElementType(2);
        context.SetOutput(0, elementType, ShapeRules.Broadcast(context, 0, 1, 2));
    }

    internal static OperatorSchema[] Versions => [V9, V16];
}
