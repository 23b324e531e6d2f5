namespace Onyx.Operators;

/// <summary>Output rules of the string operators.</summary>
internal static class StringShapes
{
    /// <summary>RegexFullMatch: one bool per input string.</summary>
    public static void RegexFullMatch(InferenceContext context) => ShapeRules.SameShapeAs(context, 0, DataType.Bool);

    /// <summary>StringConcat: the broadcast of X and Y.</summary>
    public static void StringConcat(InferenceContext context) =>
        context.SetOutput(0, DataType.String, ShapeRules.Broadcast(context, 0, 1));

    /// <summary>StringNormalizer: [C] or [1, C] in; stopword removal makes the last dim unknown.</summary>
    public static void StringNormalizer(InferenceContext context)
    {
        Shape? input = context.InputShape(0);
        if (input is null)
        {
            context.SetOutput(0, DataType.String, (Shape?)null);
            return;
        }
        if (input.Rank is < 1 or > 2 || input.Rank == 2 && input.Dims[0].Value is { } rows && rows != 1)
            throw context.Fail($"input 'X' must have shape [C] or [1, C], found {input}");
        Dim[] dims = [.. input.Dims];
        dims[^1] = new Dim();
        context.SetOutput(0, DataType.String, dims);
    }

    /// <summary>StringSplit: Y appends the unknown maximum split count to X's shape; Z has X's shape.</summary>
    public static void StringSplit(InferenceContext context)
    {
        Shape? input = context.InputShape(0);
        context.SetOutput(0, DataType.String, input is null ? null : new Shape([.. input.Dims, new Dim()]));
        context.SetOutput(1, DataType.Int64, input);
    }
}
