namespace Onyx.Operators;

/// <summary>Inference shared by the elementwise arithmetic operators (Add, Sub, Mul, Div, …).</summary>
internal static class Arithmetic
{
    /// <summary>
    /// Since version 7: the output broadcasts the inputs; known integer values are computed through, and small real
    /// constants too when <paramref name="real"/> is given.
    /// </summary>
    public static void Infer(InferenceContext context, IntegerOperation? operation = null, Func<double, double, double>? real = null)
    {
        context.SetOutput(0, context.InputElementType(0), ShapeRules.Broadcast(context, 0, 1));
        if (operation is not null && HoldsIntegers(context) && context.InputValues(0) is { } a && context.InputValues(1) is { } b && Elementwise(a, b, operation) is { } values)
            context.SetOutputValues(0, values);
        else if (real is not null)
            RealFolding.Binary(context, real);
    }

    /// <summary>Unary operators on real values (Ceil, Floor, Relu): the output keeps the input's type, and small real constants are folded through.</summary>
    public static void InferReal(InferenceContext context, Func<double, double> compute)
    {
        ShapeRules.SameAsFirstInput(context);
        RealFolding.Unary(context, compute);
    }

    /// <summary>Unary operators that apply to integers (Neg, Abs): the output keeps the input's type, and known values are computed through.</summary>
    public static void InferUnary(InferenceContext context, Func<long, long> compute)
    {
        ShapeRules.SameAsFirstInput(context);
        if (HoldsIntegers(context) && context.InputValues(0) is { } values)
            context.SetOutputValues(0, [.. values.Select(d => d.Value is long v ? IntegerOperation.Evaluate(() => compute(v)) : new Dim())]);
    }

    /// <summary>
    /// Before version 7: with broadcast=1 the second input is broadcast to the first, so the output has the first input's
    /// shape. B must then hold one element, or its shape must equal the dims of A starting at 'axis' (a suffix of A when
    /// 'axis' is absent). The spec says 1-dim expansion does not work, but exporters rely on it, so a dim of 1 in B passes.
    /// </summary>
    public static void InferLegacyBroadcast(InferenceContext context)
    {
        if (context.GetInt("broadcast", 0) == 0)
        {
            context.SetOutput(0, context.InputElementType(0), ShapeRules.Broadcast(context, 0, 1));
            return;
        }
        if (context.InputShape(0) is { } a && context.InputShape(1) is { } b && !(b.Rank <= a.Rank && b.Dims.All(d => d.Value == 1)))
        {
            long start = context.GetInt("axis") is long axis ? axis < 0 ? axis + a.Rank : axis : a.Rank - b.Rank;
            if (start < 0 || start + b.Rank > a.Rank)
                throw context.Fail($"with broadcast=1, B {b} must match the dims of A {a} starting at axis {start}, but it does not fit");
            for (int i = 0; i < b.Rank; i++)
            {
                if (b.Dims[i].Value != 1)
                    ShapeRules.Unify(context, a.Dims[(int)start + i], b.Dims[i], $"with broadcast=1, B {b} must match the dims of A {a} starting at axis {start}; dimension {i}");
            }
        }
        ShapeRules.SameAsFirstInput(context);
    }

    /// <summary>Variadic operators (Max, Min, Sum, Mean) since version 8: every input broadcasts with the others; known integer values are folded through.</summary>
    public static void InferVariadic(InferenceContext context, IntegerOperation? operation = null)
    {
        int[] inputs = [.. Enumerable.Range(0, context.InputCount)];
        context.SetOutput(0, context.InputElementType(0), ShapeRules.Broadcast(context, inputs));
        if (operation is null || !HoldsIntegers(context))
            return;
        Dim[]? values = context.InputValues(0);
        for (int i = 1; i < inputs.Length && values is not null; i++)
            values = context.InputValues(i) is { } next ? Elementwise(values, next, operation) : null;
        if (values is not null)
            context.SetOutputValues(0, values);
    }

    /// <summary>Variadic operators before version 8: every input has the same shape, which the output keeps.</summary>
    public static void InferSameShapes(InferenceContext context)
    {
        Shape? shape = null;
        for (int i = 0; i < context.InputCount; i++)
        {
            if (context.InputShape(i) is not { } next)
                continue;
            if (shape is null)
            {
                shape = next;
                continue;
            }
            if (next.Rank != shape.Rank)
                throw context.Fail($"input {i} has shape {next} but input 0 has {shape}; before opset 8 every input must have the same shape");
            shape = new Shape(shape.Dims.Select((d, k) => ShapeRules.Unify(context, d, next.Dims[k], $"input {i} dimension {k}")));
        }
        context.SetOutput(0, context.InputElementType(0), shape);
    }

    /// <summary>Values are computed with integer semantics (Div truncates), so only for integer tensors.</summary>
    private static bool HoldsIntegers(InferenceContext context) => context.InputElementType(0) is DataType.Int8 or DataType.Int16 or DataType.Int32
        or DataType.Int64 or DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64;

    private static Dim[]? Elementwise(Dim[] a, Dim[] b, IntegerOperation operation)
    {
        if (a.Length != b.Length && a.Length != 1 && b.Length != 1)
            return null;
        var result = new Dim[Math.Max(a.Length, b.Length)];
        for (int i = 0; i < result.Length; i++)
            result[i] = operation.Apply(a[a.Length == 1 ? 0 : i], b[b.Length == 1 ? 0 : i]);
        return result;
    }
}
