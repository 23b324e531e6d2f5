namespace Onyx.Operators;

/// <summary>The Compress operator (ai.onnx).</summary>
internal static class Compress
{
    internal static readonly OperatorSchema V9 = new("Compress", 9)
    {
        Inference = InferCompress,
        Inputs =
        [
            new("input", "T"),
            new("condition", "T1"),
        ],
        Outputs = [new("output", "T")],
        Attributes = [new("axis", AttributeType.Int)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T1", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V9 with { SinceVersion = 11 };

    /// <summary>The selected count depends on the data: 1-D of unknown length without axis, else the input with the axis dim unknown.</summary>
    private static void InferCompress(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        IntegerInputs.CheckInputRank(context, 1, 1, "condition");
        if (context.GetInt("axis") is not long axis)
        {
            context.SetOutput(0, elementType, [new Dim()]);
            return;
        }
        if (context.InputShape(0) is not { } input)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        context.SetOutput(0, elementType, IntegerInputs.WithUnknownAxes(input, [ShapeRules.Axis(context, axis, input.Rank)]));
    }

    internal static OperatorSchema[] Versions => [V9, V11];
}
