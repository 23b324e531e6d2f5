namespace Onyx.Operators;

/// <summary>
/// Reads the integer and real lists the tensor operators take as inputs (axes, pads, shapes, repeats, scales),
/// from propagated values or small constants, and normalizes axis lists.
/// </summary>
internal static class IntegerInputs
{
    /// <summary>The input's elements when every one is a known number (propagated values or a small constant); null otherwise.</summary>
    public static long[]? Known(InferenceContext context, int input)
    {
        if (!context.HasInput(input))
            return null;
        if (context.InputValues(input) is { } values)
            return AllKnown(values);
        return context.InputConstant(input) is { } constant ? TensorValues.Integers(constant, context.MaxPropagatedElements) : null;
    }

    /// <summary>The numbers of <paramref name="values"/> when none is symbolic or unknown.</summary>
    public static long[]? AllKnown(Dim[] values)
    {
        var numbers = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i].Value is not long v)
                return null;
            numbers[i] = v;
        }
        return numbers;
    }

    /// <summary>The elements of a real (float, double, float16) or integer constant input, as doubles; null when unknown.</summary>
    public static double[]? KnownReals(InferenceContext context, int input)
    {
        if (!context.HasInput(input))
            return null;
        if (context.InputConstant(input) is { } constant && TensorValues.Reals(constant, context.MaxPropagatedElements) is { } reals)
            return reals;
        return Known(context, input) is { } integers ? Array.ConvertAll(integers, v => (double)v) : null;
    }

    /// <summary>The number of elements of a 1-D input: from its values, its constant or its shape; null when unknown.</summary>
    public static long? Length(InferenceContext context, int input)
    {
        if (context.InputValues(input) is { } values)
            return values.Length;
        if (context.InputShape(input) is { Rank: 1 } shape)
            return shape.Dims[0].Value;
        return null;
    }

    /// <summary>Fails unless a known input rank equals <paramref name="expected"/>.</summary>
    public static void CheckInputRank(InferenceContext context, int input, int expected, string name)
    {
        if (context.InputRank(input) is int rank && rank != expected)
            throw context.Fail($"input '{name}' must have rank {expected}, found rank {rank} ({context.InputShape(input)})");
    }

    /// <summary>Axes in [-rank, rank) made non-negative; fails on an axis out of range or repeated.</summary>
    public static int[] Axes(InferenceContext context, IReadOnlyList<long> axes, int rank, string what)
    {
        var result = new int[axes.Count];
        var seen = new bool[rank];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = ShapeRules.Axis(context, axes[i], rank, $"{what} element");
            if (seen[result[i]])
                throw context.Fail($"{what} names axis {axes[i]} more than once");
            seen[result[i]] = true;
        }
        return result;
    }

    /// <summary>A copy of <paramref name="shape"/>'s dims with the given axes made unknown (all when <paramref name="axes"/> is null).</summary>
    public static Dim[] WithUnknownAxes(Shape shape, int[]? axes)
    {
        var dims = new Dim[shape.Rank];
        for (int i = 0; i < dims.Length; i++)
            dims[i] = axes is null || Array.IndexOf(axes, i) >= 0 ? new Dim() : shape.Dims[i];
        return dims;
    }

    /// <summary>
    /// An integer list that an attribute held before <paramref name="inputSinceVersion"/> and input <paramref name="input"/> holds since
    /// (Squeeze/Unsqueeze axes, Split split, Pad pads): whether it is given, and its numbers when all are known.
    /// </summary>
    public static (bool Given, long[]? Values) AttributeOrInput(InferenceContext context, string attribute, int input, int inputSinceVersion)
    {
        if (context.Schema.SinceVersion < inputSinceVersion)
            return context.GetInts(attribute) is { } list ? (true, [.. list]) : (false, null);
        return (context.HasInput(input), Known(context, input));
    }
}
