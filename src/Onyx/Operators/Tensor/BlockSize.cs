namespace Onyx.Operators;

/// <summary>The blocksize attribute of DepthToSpace and SpaceToDepth, and the exact division it implies.</summary>
internal static class BlockSize
{
    /// <summary>The required blocksize attribute: positive, and small enough that its square is a valid size.</summary>
    public static long Of(InferenceContext context)
    {
        long block = context.GetInt("blocksize") ?? throw context.Fail("attribute 'blocksize' is required");
        if (block <= 0 || block > int.MaxValue)
            throw context.Fail($"attribute 'blocksize' must be positive, found {block}");
        return block;
    }

    /// <summary><paramref name="dim"/> / <paramref name="divisor"/> when known; fails when it does not divide evenly.</summary>
    public static Dim Divide(InferenceContext context, Dim dim, long divisor, string what)
    {
        if (dim.Value is not long value)
            return divisor == 1 ? dim : new Dim();
        if (value % divisor != 0)
            throw context.Fail($"{what} ({value}) must be divisible by {divisor}");
        return new Dim(value / divisor);
    }
}
