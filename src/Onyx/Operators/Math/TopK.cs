namespace Onyx.Operators;

/// <summary>The TopK operator (ai.onnx).</summary>
internal static class TopK
{
    internal static readonly OperatorSchema V1 = new("TopK", 1)
    {
        Inputs = [new("X", "T")],
        Outputs =
        [
            new("Values", "T"),
            new("Indices", "I"),
        ],
        Attributes =
        [
            new("axis", -1L),
            new("k", AttributeType.Int, Required: true),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double)"),
            new("I", "tensor(int64)"),
        ],
        Inference = context => InferTopK(context, context.GetInt("k") is long k ? new Dim(k) : new Dim()),
    };

    internal static readonly OperatorSchema V10 = V1 with
    {
        SinceVersion = 10,
        Inputs =
        [
            new("X", "T"),
            new("K", "tensor(int64)"),
        ],
        Attributes = [new("axis", -1L)],
        Inference = context => InferTopK(context, KFromInput(context)),
    };

    internal static readonly OperatorSchema V11 = V10 with
    {
        SinceVersion = 11,
        Attributes =
        [
            new("axis", -1L),
            new("largest", 1L),
            new("sorted", 1L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
            new("I", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V24 = V11 with
    {
        SinceVersion = 24,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("I", "tensor(int64)"),
        ],
    };

    /// <summary>Values and Indices have X's shape with the axis dim replaced by k.</summary>
    private static void InferTopK(InferenceContext context, Dim k)
    {
        if (k.Value < 0)
            throw context.Fail($"k must be non-negative, but it is {k.Value}");
        Shape? output = null;
        if (context.InputShape(0) is { } x)
        {
            int axis = ShapeRules.Axis(context, context.GetInt("axis", -1), x.Rank, "attribute 'axis'");
            if (k.Value is long count && x.Dims[axis].Value is long size && count > size)
                throw context.Fail($"k is {count}, but the axis {axis} of X {x} has only {size} elements");
            output = new Shape(x.Dims.Select((d, i) => i == axis ? k : d));
        }
        context.SetOutput(0, context.InputElementType(0), output);
        if (context.HasOutput(1))
            context.SetOutput(1, DataType.Int64, output);
    }

    /// <summary>Since version 10, k is input K: a 1-D tensor holding one value.</summary>
    private static Dim KFromInput(InferenceContext context)
    {
        if (context.InputShape(1) is { } shape && (shape.Rank != 1 || shape.Dims[0].Value is not (null or 1)))
            throw context.Fail($"input K must be a 1-D tensor holding one value, but it has shape {shape}");
        return context.InputValues(1) is [var k] ? k : new Dim();
    }

    internal static OperatorSchema[] Versions => [V1, V10, V11, V24];
}
