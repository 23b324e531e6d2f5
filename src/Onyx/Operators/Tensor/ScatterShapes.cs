namespace Onyx.Operators;

/// <summary>Inference of the scatter operators: the output is the data input, after checking indices and updates agree.</summary>
internal static class ScatterShapes
{
    /// <summary>Scatter and ScatterElements: indices and updates have data's rank and the same shape as each other.</summary>
    public static void InferElements(InferenceContext context)
    {
        Shape? data = context.InputShape(0), indices = context.InputShape(1), updates = context.InputShape(2);
        if (data is not null && indices is not null && indices.Rank != data.Rank)
            throw context.Fail($"'indices' {indices} must have the rank of 'data' {data}");
        if (indices is not null && updates is not null)
        {
            if (indices.Rank != updates.Rank)
                throw context.Fail($"'updates' {updates} must have the shape of 'indices' {indices}");
            for (int i = 0; i < indices.Rank; i++)
                ShapeRules.Unify(context, indices.Dims[i], updates.Dims[i], $"dimension {i} of 'updates' and 'indices'");
        }
        if (data is not null)
            ShapeRules.Axis(context, context.GetInt("axis", 0), data.Rank);
        ShapeRules.SameAsFirstInput(context);
    }

    /// <summary>ScatterND: updates has shape indices.shape[:-1] + data.shape[indices.shape[-1]:].</summary>
    public static void InferND(InferenceContext context)
    {
        Shape? data = context.InputShape(0), indices = context.InputShape(1), updates = context.InputShape(2);
        if (indices is { Rank: 0 })
            throw context.Fail("'indices' must have rank at least 1");
        if (data is not null && indices is not null && indices.Dims[^1].Value is long k)
        {
            if (k > data.Rank)
                throw context.Fail($"the last dim of 'indices' ({k}) cannot exceed the rank of 'data' ({data.Rank})");
            long expected = indices.Rank - 1 + data.Rank - k;
            if (updates is not null && updates.Rank != expected)
                throw context.Fail($"'updates' must have rank {expected} (indices rank - 1 + data rank - {k}), found {updates}");
        }
        ShapeRules.SameAsFirstInput(context);
    }
}
