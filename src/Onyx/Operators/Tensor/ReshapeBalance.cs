namespace Onyx.Operators;

/// <summary>The size one dim must have for two dim lists to hold the same number of elements (Reshape's -1).</summary>
internal static class ReshapeBalance
{
    /// <summary>
    /// The dim d with product(<paramref name="from"/>) = product(<paramref name="to"/>) × d: symbols common to both sides cancel,
    /// a single leftover symbol of <paramref name="from"/> carries over, and known sizes must divide evenly. Unknown when it cannot be
    /// told; null when no size fits (the known sizes do not divide).
    /// </summary>
    public static Dim? Remaining(InferenceContext context, IEnumerable<Dim> from, IEnumerable<Dim> to)
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
            return total == 0 ? new Dim() : null;
        return total % part == 0 ? new Dim(total / part) : null;
    }
}
