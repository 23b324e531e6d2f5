namespace Onyx.Operators;

/// <summary>
/// Carries small floating-point constants through elementwise arithmetic and casts, as data propagation carries
/// integers, so that lengths a function computes in floating point (window sizes, Range element counts) stay known.
/// Each result is stored in the operator's element type, so it is rounded as the runtime rounds it. Only operands of
/// equal shapes, or one holding a single element, are folded; anything else is left unknown.
/// </summary>
internal static class RealFolding
{
    public static bool IsReal(DataType type) => type is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16;

    /// <summary>Folds a unary operator over a real constant input.</summary>
    public static void Unary(InferenceContext context, Func<double, double> compute)
    {
        DataType type = context.InputElementType(0);
        if (IsReal(type) && context.InputConstant(0) is { } x && TensorValues.Reals(x, context.MaxPropagatedElements) is { } values)
            context.SetOutputConstant(0, ToTensor(type, x.Dims, Array.ConvertAll(values, v => compute(v))));
    }

    /// <summary>Folds a binary operator over two real constant inputs.</summary>
    public static void Binary(InferenceContext context, Func<double, double, double> compute)
    {
        DataType type = context.InputElementType(0);
        if (!IsReal(type) || context.InputConstant(0) is not { } a || context.InputConstant(1) is not { } b
            || TensorValues.Reals(a, context.MaxPropagatedElements) is not { } x || TensorValues.Reals(b, context.MaxPropagatedElements) is not { } y)
            return;
        long[]? dims = a.Dims.AsSpan().SequenceEqual(b.Dims) ? a.Dims
            : y.Length == 1 && b.Dims.Length <= a.Dims.Length ? a.Dims
            : x.Length == 1 && a.Dims.Length <= b.Dims.Length ? b.Dims
            : null;
        if (dims is null)
            return;
        var result = new double[Math.Max(x.Length, y.Length)];
        for (int i = 0; i < result.Length; i++)
            result[i] = compute(x[x.Length == 1 ? 0 : i], y[y.Length == 1 ? 0 : i]);
        context.SetOutputConstant(0, ToTensor(type, dims, result));
    }

    /// <summary>
    /// A cast of known values: to a real type they become a real constant; from a real constant to an integer type
    /// (truncating toward zero, as Cast does) or to bool (nonzero is true) they become propagated integer values.
    /// </summary>
    public static void Cast(InferenceContext context, DataType target)
    {
        if (IntegerInputs.KnownReals(context, 0) is not { } values || context.InputShape(0) is not { } shape || shape.Dims.Any(d => d.Value is null))
            return;
        if (IsReal(target))
        {
            context.SetOutputConstant(0, ToTensor(target, [.. shape.Dims.Select(d => d.Value!.Value)], values));
            return;
        }
        if (!IsReal(context.InputElementType(0)) || shape.Rank > 1)
            return;
        if (target == DataType.Bool)
        {
            context.SetOutputValues(0, Array.ConvertAll(values, v => new Dim(v != 0 ? 1 : 0)));
            return;
        }
        var truncated = Array.ConvertAll(values, Math.Truncate);
        if (CastTarget.IsInteger(target) && truncated.All(v => v >= long.MinValue && v < long.MaxValue))
            CastTarget.PropagateValues(context, target, Array.ConvertAll(truncated, v => new Dim((long)v)));
    }

    private static Tensor ToTensor(DataType type, long[] dims, double[] values) => type switch
    {
        DataType.Float => Tensor.FromArray(Array.ConvertAll(values, v => (float)v), dims),
        DataType.Double => Tensor.FromArray(values, dims),
        DataType.Float16 => Tensor.FromArray(Array.ConvertAll(values, v => (Half)v), dims),
        DataType.BFloat16 => Tensor.FromArray(Array.ConvertAll(values, v => (BFloat16)(float)v), dims),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a real element type"),
    };
}
