namespace Onyx.Operators;

/// <summary>The Range operator (ai.onnx).</summary>
internal static partial class Range
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
        FunctionBody = Range.BodyV11,
    };

    internal static readonly OperatorSchema V27 = V11 with
    {
        SinceVersion = 27,
        Attributes = [new("stash_type", 1L)],
        TypeConstraints =
        [
            new("T", "tensor(float), tensor(double), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(bfloat16)"),
        ],
        FunctionBody = Range.BodyV27,
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
        long? counted = start is [long from] && IntegerInputs.Known(context, 1) is [long to] && delta is [long by]
            ? IntegerCount(context, from, to, by)
            : IntegerInputs.KnownReals(context, 0) is [double realStart] && IntegerInputs.KnownReals(context, 1) is [double realLimit]
                && IntegerInputs.KnownReals(context, 2) is [double realDelta] ? RealCount(context, realStart, realLimit, realDelta) : null;
        if (counted is not long length)
        {
            context.SetOutput(0, elementType, [new Dim()]);
            return;
        }
        context.SetOutput(0, elementType, [length]);
        if (start is [long first] && delta is [long step] && length <= context.MaxPropagatedElements)
        {
            var values = new Dim[length];
            for (int i = 0; i < values.Length; i++)
                values[i] = first + i * step;
            context.SetOutputValues(0, values);
        }
    }

    /// <summary>max(ceil((limit − start) / delta), 0), exactly, for integer bounds.</summary>
    private static long IntegerCount(InferenceContext context, long start, long limit, long delta)
    {
        if (delta == 0)
            throw context.Fail("input 'delta' must not be 0");
        Int128 span = (Int128)limit - start;
        if (span == 0 || span > 0 != delta > 0)
            return 0;
        Int128 count = span / delta + (span % delta != 0 ? 1 : 0);
        return count <= long.MaxValue ? (long)count : throw context.Fail($"Range({start}, {limit}, {delta}) has too many elements");
    }

    /// <summary>max(ceil((limit − start) / delta), 0) for real bounds.</summary>
    private static long RealCount(InferenceContext context, double start, double limit, double delta)
    {
        if (delta == 0)
            throw context.Fail("input 'delta' must not be 0");
        double count = Math.Max(Math.Ceiling((limit - start) / delta), 0);
        return count < long.MaxValue ? (long)count : throw context.Fail($"Range({start}, {limit}, {delta}) has too many elements");
    }

    internal static OperatorSchema[] Versions => [V11, V27];
}
