namespace Onyx.Operators;

/// <summary>
/// Gradient: one output per name in xs. Each output is typed like the graph value it differentiates, which a
/// node-local rule cannot see, so only the output count is checked.
/// </summary>
internal static class GradientShapes
{
    public static void Gradient(InferenceContext context)
    {
        int xs = context.GetStrings("xs")?.Count ?? throw context.Fail("attribute 'xs' is required");
        if (context.OutputCount != xs)
            throw context.Fail($"expected one output per name in 'xs' ({xs}), found {context.OutputCount}");
    }
}
