namespace Onyx.Operators;

/// <summary>Shapes of matrix products (MatMul, MatMulInteger, QLinearMatMul, Gemm) and unidirectional broadcasting.</summary>
internal static class MatrixShapes
{
    /// <summary>
    /// numpy.matmul's output shape for inputs <paramref name="a"/> and <paramref name="b"/>: a 1-D A is promoted to [1, K]
    /// and a 1-D B to [K, 1], the promoted dims are dropped from the result, and the batch dims broadcast.
    /// Null when either rank is unknown.
    /// </summary>
    public static Shape? MatMul(InferenceContext context, int a, int b)
    {
        Shape? left = context.InputShape(a), right = context.InputShape(b);
        if (left is null || right is null)
            return null;
        if (left.Rank == 0 || right.Rank == 0)
            throw context.Fail($"matrix multiplication needs inputs of rank at least 1, but input {a} has shape {left} and input {b} has shape {right}");
        List<Dim> l = left.Rank == 1 ? [new Dim(1), left.Dims[0]] : left.Dims;
        List<Dim> r = right.Rank == 1 ? [right.Dims[0], new Dim(1)] : right.Dims;
        ShapeRules.Unify(context, l[^1], r[^2],
            $"the last dimension of input {a} {left} must equal the {(right.Rank == 1 ? "only" : "second-to-last")} dimension of input {b} {right}");
        Shape batch = ShapeRules.Broadcast(context, [new Shape(l.Take(l.Count - 2)), new Shape(r.Take(r.Count - 2))]);
        List<Dim> dims = batch.Dims;
        if (left.Rank != 1)
            dims.Add(l[^2]);
        if (right.Rank != 1)
            dims.Add(r[^1]);
        return new Shape(dims);
    }

    /// <summary>Fails unless <paramref name="shape"/> broadcasts unidirectionally to <paramref name="target"/> (numpy rules, target unchanged).</summary>
    public static void CheckUnidirectional(InferenceContext context, Shape shape, Shape target, string what)
    {
        if (shape.Rank > target.Rank)
            throw context.Fail($"{what} {shape} cannot be broadcast to {target}: its rank is larger");
        for (int i = 0; i < shape.Rank; i++)
        {
            Dim d = shape.Dims[i], t = target.Dims[i + target.Rank - shape.Rank];
            if (d.Value is long x && x != 1 && t.Value is long y && x != y)
                throw context.Fail($"{what} {shape} cannot be broadcast to {target}: dimension {i} is {x}, expected 1 or {y}");
        }
    }
}
