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

    /// <summary>
    /// 1-D without axis, else the input with the axis dim replaced: the selected count is that of the true elements of 'condition'
    /// (known when it is constant), among the first elements up to the selected dim's size.
    /// </summary>
    private static void InferCompress(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        IntegerInputs.CheckInputRank(context, 1, 1, "condition");
        Shape? input = context.InputShape(0);
        if (context.GetInt("axis") is not long axis)
        {
            long limit = input is null ? long.MaxValue : ShapeRules.Product(context, input.Dims).Value ?? long.MaxValue;
            context.SetOutput(0, elementType, [Selected(context, limit)]);
            return;
        }
        if (input is null)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        int at = ShapeRules.Axis(context, axis, input.Rank);
        Dim[] dims = [.. input.Dims];
        dims[at] = Selected(context, dims[at].Value ?? long.MaxValue);
        context.SetOutput(0, elementType, dims);
    }

    private static Dim Selected(InferenceContext context, long limit) =>
        ConstantElements.NonZeroCount(context, 1, limit) is long count ? new Dim(count) : new Dim();

    internal static OperatorSchema[] Versions => [V9, V11];
}
