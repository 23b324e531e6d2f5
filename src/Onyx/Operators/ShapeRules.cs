namespace Onyx.Operators;

/// <summary>Inference rules many operators share: same-type outputs, broadcasting, axes and dim arithmetic.</summary>
internal static class ShapeRules
{
    /// <summary>Output 0 has input 0's type and shape (elementwise unary operators).</summary>
    public static void SameAsFirstInput(InferenceContext context) => context.SetOutputType(0, context.InputType(0));

    /// <summary>Output 0 has input 0's shape and the given element type.</summary>
    public static void SameShapeAs(InferenceContext context, int input, DataType elementType, int output = 0) =>
        context.SetOutput(output, elementType, context.InputShape(input));

    /// <summary>Multidirectional (numpy) broadcasting of the given inputs' shapes; null when any rank is unknown.</summary>
    public static Shape? Broadcast(InferenceContext context, params ReadOnlySpan<int> inputs)
    {
        var shapes = new List<Shape>(inputs.Length);
        foreach (int i in inputs)
        {
            if (!context.HasInput(i))
                continue;
            Shape? shape = context.InputShape(i);
            if (shape is null)
                return null;
            shapes.Add(shape);
        }
        return Broadcast(context, shapes);
    }

    /// <summary>Multidirectional broadcasting of shapes: each output dim is the one non-1 dim, 1 when all are 1.</summary>
    public static Shape Broadcast(InferenceContext context, IReadOnlyList<Shape> shapes)
    {
        int rank = 0;
        foreach (Shape s in shapes)
            rank = Math.Max(rank, s.Rank);
        var dims = new Dim[rank];
        for (int i = 0; i < rank; i++)
        {
            Dim? result = null;
            bool sawUnknown = false;
            foreach (Shape s in shapes)
            {
                int at = i - (rank - s.Rank);
                if (at < 0)
                    continue;
                Dim d = s.Dims[at];
                if (d.Value == 1)
                {
                    result ??= d;
                    continue;
                }
                if (d.Value is long v)
                {
                    if (result?.Value is long r && r != 1 && r != v)
                        throw context.Fail($"shapes {string.Join(", ", shapes)} cannot be broadcast: dimension {i} is {r} in one and {v} in another");
                    result = d;
                }
                else if (d.Param is string p)
                {
                    if (result is null || result.Value == 1)
                        result = d;
                    else if (result.Param is string q && q != p)
                        sawUnknown = true;
                }
                else
                {
                    sawUnknown = true;
                }
            }
            dims[i] = result switch
            {
                { Value: long v } when v != 1 => result,
                { Param: not null } when !sawUnknown => result,
                { Value: 1 } when !sawUnknown => result,
                _ => new Dim(),
            };
        }
        return new Shape(dims);
    }

    /// <summary>An axis attribute or input in [-rank, rank) made non-negative; fails otherwise.</summary>
    public static int Axis(InferenceContext context, long axis, int rank, string what = "axis")
    {
        if (axis < -rank || axis >= rank)
            throw context.Fail($"{what} {axis} is out of range for rank {rank} (expected -{rank} to {rank - 1})");
        return (int)(axis < 0 ? axis + rank : axis);
    }

    /// <summary>A shape of <paramref name="rank"/> unknown dims; fails on an absurd rank.</summary>
    public static Shape UnknownShape(InferenceContext context, long rank)
    {
        CheckRank(context, rank);
        var dims = new Dim[rank];
        for (int i = 0; i < dims.Length; i++)
            dims[i] = new Dim();
        return new Shape(dims);
    }

    /// <summary>The largest rank inference accepts; far above any real model, low enough that allocations stay small.</summary>
    public const int MaxRank = 1024;

    public static void CheckRank(InferenceContext context, long rank)
    {
        if (rank < 0 || rank > MaxRank)
            throw context.Fail($"rank {rank} is outside 0..{MaxRank}");
    }

    /// <summary>a × b when both are known (overflow fails), otherwise unknown; 0 × anything is 0.</summary>
    public static Dim Multiply(InferenceContext context, Dim a, Dim b)
    {
        if (a.Value == 0 || b.Value == 0)
            return new Dim(0);
        if (a.Value == 1)
            return b;
        if (b.Value == 1)
            return a;
        if (a.Value is long x && b.Value is long y)
            return new Dim(Checked(context, () => checked(x * y)));
        return new Dim();
    }

    /// <summary>a + b when both are known (overflow fails), otherwise unknown; adding 0 keeps the other.</summary>
    public static Dim Add(InferenceContext context, Dim a, Dim b)
    {
        if (a.Value == 0)
            return b;
        if (b.Value == 0)
            return a;
        if (a.Value is long x && b.Value is long y)
            return new Dim(Checked(context, () => checked(x + y)));
        return new Dim();
    }

    /// <summary>The product of all dims: known only when every dim is.</summary>
    public static Dim Product(InferenceContext context, IEnumerable<Dim> dims)
    {
        Dim result = new(1);
        foreach (Dim d in dims)
            result = Multiply(context, result, d);
        return result;
    }

    /// <summary>Two dims that must agree (e.g. a contraction): the more specific one, failing when both are known and differ.</summary>
    public static Dim Unify(InferenceContext context, Dim a, Dim b, string what)
    {
        if (a.Value is long x && b.Value is long y && x != y)
            throw context.Fail($"{what}: {x} does not match {y}");
        return a.Value is not null ? a : b.Value is not null ? b : a.Param is not null ? a : b;
    }

    private static long Checked(InferenceContext context, Func<long> compute)
    {
        try
        {
            return compute();
        }
        catch (OverflowException)
        {
            throw context.Fail("a dimension overflows a 64-bit integer");
        }
    }
}
