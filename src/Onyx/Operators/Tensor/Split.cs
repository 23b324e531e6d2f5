using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Split operator (ai.onnx).</summary>
internal static class Split
{
    internal static readonly OperatorSchema V1 = new("Split", 1)
    {
        Inference = InferSplit,
        Inputs =
        [
            new("input", "T"),
            new("split", "T", Optional),
        ],
        Outputs = [new("outputs...", "T", Variadic)],
        Attributes =
        [
            new("axis", AttributeType.Int),
            new("split", AttributeType.Ints),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
    };

    internal static readonly OperatorSchema V2 = V1 with
    {
        SinceVersion = 2,
        Inputs = [new("input", "T")],
        Outputs = [new("outputs", "T", Variadic)],
        Attributes =
        [
            new("axis", 0L),
            new("split", AttributeType.Ints),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V2 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        Inputs =
        [
            new("input", "T"),
            new("split", "tensor(int64)", Optional),
        ],
        Attributes = [new("axis", 0L)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V18 = V13 with
    {
        SinceVersion = 18,
        Attributes =
        [
            new("axis", 0L),
            new("num_outputs", AttributeType.Int),
        ],
    };

    /// <summary>
    /// The outputs divide the input along axis: by 'split' (input in version 1 and since 13, attribute in 2 and 11), into equal parts
    /// otherwise (since 18 by num_outputs, the last part smaller when it does not divide evenly).
    /// </summary>
    private static void InferSplit(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        int count = context.OutputCount;
        int version = context.Schema.SinceVersion;
        (bool given, long[]? split) = version == 1 && context.HasInput(1)
            ? (true, IntegerInputs.Known(context, 1))
            : IntegerInputs.AttributeOrInput(context, "split", 1, 13);
        if (context.GetInt("num_outputs") is long parts && (given || parts != count))
            throw context.Fail(given ? "'split' and 'num_outputs' cannot both be given" : $"num_outputs is {parts}, but the node has {count} outputs");
        if (version >= 18 && !given && !context.HasAttribute("num_outputs"))
            throw context.Fail("one of input 'split' and attribute 'num_outputs' is required");
        if (context.InputShape(0) is not { } input)
        {
            for (int i = 0; i < count; i++)
                context.SetOutput(i, elementType, (Shape?)null);
            return;
        }
        int axis = ShapeRules.Axis(context, context.GetInt("axis", 0), input.Rank);
        Dim[] sizes = given ? GivenSizes(context, split, input.Dims[axis], count) : EqualSizes(context, input.Dims[axis], count, unevenLast: version >= 18);
        for (int i = 0; i < count; i++)
        {
            Dim[] dims = [.. input.Dims];
            dims[axis] = sizes[i];
            context.SetOutput(i, elementType, dims);
        }
    }

    private static Dim[] GivenSizes(InferenceContext context, long[]? split, Dim dim, int count)
    {
        if (split is null)
            return [.. Enumerable.Range(0, count).Select(_ => new Dim())];
        if (split.Length != count)
            throw context.Fail($"'split' has {split.Length} elements, but the node has {count} outputs");
        Dim total = new(0);
        foreach (long size in split)
            total = size >= 0 ? ShapeRules.Add(context, total, size) : throw context.Fail($"'split' holds a negative size ({size})");
        if (dim.Value is long length && total.Value != length)
            throw context.Fail($"'split' adds up to {total}, but the dim split is {length}");
        return Array.ConvertAll(split, size => new Dim(size));
    }

    private static Dim[] EqualSizes(InferenceContext context, Dim dim, int count, bool unevenLast)
    {
        if (dim.Value is not long length)
            return [.. Enumerable.Range(0, count).Select(_ => count == 1 ? dim : new Dim())];
        if (!unevenLast && length % count != 0)
            throw context.Fail($"the dim split ({length}) does not divide into {count} equal parts");
        long chunk = length / count + (length % count != 0 ? 1 : 0);
        var sizes = new Dim[count];
        for (int i = 0; i < count; i++)
            sizes[i] = Math.Clamp(length - chunk * i, 0, chunk);
        return sizes;
    }

    internal static OperatorSchema[] Versions => [V1, V2, V11, V13, V18];
}
