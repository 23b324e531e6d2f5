using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Slice operator (ai.onnx).</summary>
internal static class Slice
{
    internal static readonly OperatorSchema V1 = new("Slice", 1)
    {
        Inference = InferSlice,
        Inputs = [new("data", "T")],
        Outputs = [new("output", "T")],
        Attributes =
        [
            new("axes", AttributeType.Ints),
            new("ends", AttributeType.Ints, Required: true),
            new("starts", AttributeType.Ints, Required: true),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V10 = V1 with
    {
        SinceVersion = 10,
        Inputs =
        [
            new("data", "T"),
            new("starts", "Tind"),
            new("ends", "Tind"),
            new("axes", "Tind", Optional),
            new("steps", "Tind", Optional),
        ],
        Attributes = [],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V10 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    /// <summary>
    /// Each sliced axis keeps the elements start, start + step, … before end (attributes in version 1, inputs since 10; negative
    /// indices count from the back and are clamped). Known values of a 1-D input are sliced too (shape arithmetic).
    /// </summary>
    private static void InferSlice(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        (_, long[]? starts) = IntegerInputs.AttributeOrInput(context, "starts", 1, 10);
        (_, long[]? ends) = IntegerInputs.AttributeOrInput(context, "ends", 2, 10);
        (bool axesGiven, long[]? axes) = IntegerInputs.AttributeOrInput(context, "axes", 3, 10);
        (bool stepsGiven, long[]? steps) = IntegerInputs.AttributeOrInput(context, "steps", 4, 10);
        if (context.InputShape(0) is not { } input)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        int[]? axisList = axes is null ? null : IntegerInputs.Axes(context, axes, input.Rank, "axes");
        if (starts is null || ends is null || axesGiven && axes is null || stepsGiven && steps is null)
        {
            context.SetOutput(0, elementType, IntegerInputs.WithUnknownAxes(input, axisList));
            return;
        }
        axisList ??= [.. Enumerable.Range(0, starts.Length)];
        steps ??= [.. Enumerable.Repeat(1L, starts.Length)];
        if (ends.Length != starts.Length || axisList.Length != starts.Length || steps.Length != starts.Length)
            throw context.Fail($"starts ({starts.Length}), ends ({ends.Length}), axes ({axisList.Length}) and steps ({steps.Length}) must have the same number of elements");
        if (starts.Length > input.Rank)
            throw context.Fail($"{starts.Length} axes are sliced, but the input has rank {input.Rank}");
        Dim[] dims = [.. input.Dims];
        for (int i = 0; i < axisList.Length; i++)
        {
            if (steps[i] == 0)
                throw context.Fail($"steps element {i} is 0");
            dims[axisList[i]] = SliceRange.Length(input.Dims[axisList[i]], starts[i], ends[i], steps[i]);
        }
        context.SetOutput(0, elementType, dims);
        if (context.InputValues(0) is { } values && input.Rank == 1 && axisList.Length == 1)
            context.SetOutputValues(0, SliceRange.Take(values, starts[0], ends[0], steps[0]));
    }

    internal static OperatorSchema[] Versions => [V1, V10, V11, V13];
}
