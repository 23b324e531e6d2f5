namespace Onyx.Operators;

/// <summary>The EyeLike operator (ai.onnx).</summary>
internal static class EyeLike
{
    internal static readonly OperatorSchema V9 = new("EyeLike", 9)
    {
        Inference = InferEyeLike,
        Inputs = [new("input", "T1")],
        Outputs = [new("output", "T2")],
        Attributes =
        [
            new("dtype", AttributeType.Int),
            new("k", 0L),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float16), tensor(float), tensor(double), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(bool)"),
            new("T2", "tensor(float16), tensor(float), tensor(double), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V22 = V9 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(bool)"),
            new("T2", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(bool)"),
        ],
    };

    /// <summary>A 2-D output of the input's shape, of type dtype (the input's type when dtype is absent).</summary>
    private static void InferEyeLike(InferenceContext context)
    {
        IntegerInputs.CheckInputRank(context, 0, 2, "input");
        DataType elementType = context.GetInt("dtype") is long dtype ? CastTarget.FromAttribute(context, dtype, "dtype") : context.InputElementType(0);
        context.SetOutput(0, elementType, context.InputShape(0) ?? ShapeRules.UnknownShape(context, 2));
    }

    internal static OperatorSchema[] Versions => [V9, V22];
}
