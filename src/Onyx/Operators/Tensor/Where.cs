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

    /// <summary>The output has X's element type and the broadcast of condition, X and Y; known integer values are chosen through (shape arithmetic).</summary>
    private static void InferWhere(InferenceContext context)
    {
        DataType elementType = context.InputElementType(1);
        if (elementType == DataType.Undefined)
            elementType = context.InputElementType(2);
        Shape? shape = ShapeRules.Broadcast(context, 0, 1, 2);
        context.SetOutput(0, elementType, shape);
        if (shape is not { Rank: <= 1 } || context.InputValues(0) is not { } condition
            || context.InputValues(1) is not { } x || context.InputValues(2) is not { } y)
            return;
        int length = Math.Max(condition.Length, Math.Max(x.Length, y.Length));
        if (!Array.TrueForAll([condition.Length, x.Length, y.Length], n => n == 1 || n == length))
            return;
        var chosen = new Dim[length];
        for (int i = 0; i < length; i++)
        {
            Dim test = condition[condition.Length == 1 ? 0 : i];
            Dim[] source = test.Value != 0 ? x : y;
            chosen[i] = test.Value is null ? new Dim() : source[source.Length == 1 ? 0 : i];
        }
        context.SetOutputValues(0, chosen);
    }

    internal static OperatorSchema[] Versions => [V9, V16];
}
