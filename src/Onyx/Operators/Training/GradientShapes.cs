namespace Onyx.Operators;

/// <summary>
/// Gradient: one input per name in xs then zs, one output per name in xs. The gradient with respect to xs[i] has
/// the type and shape of the value fed for xs[i], which is input i.
/// </summary>
internal static class GradientShapes
{
    public static void Gradient(InferenceContext context)
    {
        int xs = context.GetStrings("xs")?.Count ?? throw context.Fail("attribute 'xs' is required");
        int zs = context.GetStrings("zs")?.Count ?? 0;
        if (context.OutputCount != xs)
            throw context.Fail($"expected one output per name in 'xs' ({xs}), found {context.OutputCount}");
        if (context.Node.Inputs.Count != xs + zs)
            throw context.Fail($"expected one input per name in 'xs' and 'zs' ({xs + zs}), found {context.Node.Inputs.Count}");
        for (int i = 0; i < xs; i++)
            if (context.InputTensor(i) is { } x)
                context.SetOutput(i, x.ElementType, x.Shape);
    }
}
