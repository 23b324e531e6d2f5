namespace Onyx.Operators;

/// <summary>The Range operator (ai.onnx).</summary>
internal static class Range
{
    internal static readonly OperatorSchema V11 = new("Range", 11)
    {
        Inference = InferRange,
        Inputs =
        [
            new("start", "T"),
            new("limit", "T"),
            new("delta", "T"),
        ],
        Outputs = [new("output", "T")],
        TypeConstraints =
        [
            new("T", "tensor(float), tensor(double), tensor(int16), tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V27 = V11 with
    {
        SinceVersion = 27,
        Attributes = [new("stash_type", 1L)],
        TypeConstraints =
        [
            new("T", "tensor(float), tensor(double), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(bfloat16)"),
        ],
    };

    /// <summary>
    /// A 1-D tensor of max(ceil((limit − start) / delta), 0) elements when the scalars are known (the limit's symbol when start is 0
    /// and delta 1); small integer ranges are propagated.
    /// </summary>
    private static void InferRange(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        string[] names = ["start", "limit", "delta"];
        // The spec asks for scalars, but ONNX's own function bodies (AffineGrid) pass one-element 1-D tensors.
        for (int i = 0; i < names.Length; i++)
            if (context.InputShape(i) is { } shape && (shape.Rank > 1 || shape.Rank == 1 && shape.Dims[0].Value is long n && n != 1))
                throw context.Fail($"input '{names[i]}' must be a scalar, found {shape}");
        long[]? start = IntegerInputs.Known(context, 0), delta = IntegerInputs.Known(context, 2);
        if (start is [0] && delta is [1] && context.InputValues(1) is [{ Value: null } limitDim])
        {
            context.SetOutput(0, elementType, [limitDim]);
            return;
        }
        if (IntegerInputs.KnownReals(context, 0) is not [double first] || IntegerInputs.KnownReals(context, 1) is not [double limit]
            || IntegerInputs.KnownReals(context, 2) is not [double step])
        {
            context.SetOutput(0, elementType, [new Dim()]);
            return;
        }
        if (step == 0)
            throw context.Fail("input 'delta' must not be 0");
        double count = Math.Max(Math.Ceiling((limit - first) / step), 0);
        if (double.IsNaN(count) || count > long.MaxValue / 2)
            throw context.Fail($"Range({first}, {limit}, {step}) has too many elements");
        long length = (long)count;
        context.SetOutput(0, elementType, [length]);
        if (start is [long from] && delta is [long by] && length <= context.MaxPropagatedElements)
        {
            var values = new Dim[length];
            for (int i = 0; i < values.Length; i++)
                values[i] = from + i * by;
            context.SetOutputValues(0, values);
        }
    }

    internal static OperatorSchema[] Versions => [V11, V27];
}
