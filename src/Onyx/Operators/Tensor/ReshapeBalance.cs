namespace Onyx.Operators;

/// <summary>The size one dim must have for two dim lists to hold the same number of elements (Reshape's -1).</summary>
internal static class ReshapeBalance
{
    /// <summary>
    /// The dim d with product(<paramref name="from"/>) = product(<paramref name="to"/>) × d: symbols common to both sides cancel,
    /// a single leftover symbol of <paramref name="from"/> carries over, and known sizes must divide evenly. Unknown when it cannot be told.
    /// </summary>
    public static Dim Remaining(InferenceContext context, IEnumerable<Dim> from, IEnumerable<Dim> to)
    {
        var symbols = new List<string>();
        Dim known = new(1);
        foreach (Dim d in from)
        {
            if (d.Param is string p)
                symbols.Add(p);
            else if (d.Value is null)
                return new Dim();
            else
                known = ShapeRules.Multiply(context, known, d);
        }
        Dim divisor = new(1);
        foreach (Dim d in to)
        {
            if (d.Param is string p)
            {
                if (!symbols.Remove(p))
                    return new Dim();
            }
            else if (d.Value is null)
                return new Dim();
            else
                divisor = ShapeRules.Multiply(context, divisor, d);
        }
        long total = known.Value!.Value, part = divisor.Value!.Value;
        if (symbols.Count > 0)
            return symbols.Count == 1 && total == part ? new Dim(symbols[0]) : new Dim();
        if (part == 0)
            return total == 0 ? new Dim() : throw context.Fail("a shape with a 0 dim cannot hold a non-empty input");
        if (total % part != 0)
            throw context.Fail($"the input's {total} elements cannot be divided into parts of {part}");
        return new Dim(total / part);
    }
}
