namespace Onyx.Operators;

/// <summary>Inference shared by the elementwise arithmetic operators (Add, Sub, Mul, Div, …).</summary>
internal static class Arithmetic
{
    /// <summary>Since version 7: the output broadcasts the inputs, and known integer values are computed through.</summary>
    public static void Infer(InferenceContext context, Func<long, long, long>? compute = null)
    {
        context.SetOutput(0, context.InputElementType(0), ShapeRules.Broadcast(context, 0, 1));
        if (compute is not null && context.InputValues(0) is { } a && context.InputValues(1) is { } b && Elementwise(a, b, compute) is { } values)
            context.SetOutputValues(0, values);
    }

    /// <summary>Before version 7: with broadcast=1 the second input is broadcast to the first, so the output has the first input's shape.</summary>
    public static void InferLegacyBroadcast(InferenceContext context)
    {
        if (context.GetInt("broadcast", 0) == 0)
        {
            context.SetOutput(0, context.InputElementType(0), ShapeRules.Broadcast(context, 0, 1));
            return;
        }
        ShapeRules.SameAsFirstInput(context);
    }

    private static Dim[]? Elementwise(Dim[] a, Dim[] b, Func<long, long, long> compute)
    {
        if (a.Length != b.Length && a.Length != 1 && b.Length != 1)
            return null;
        var result = new Dim[Math.Max(a.Length, b.Length)];
        for (int i = 0; i < result.Length; i++)
        {
            Dim x = a[a.Length == 1 ? 0 : i], y = b[b.Length == 1 ? 0 : i];
            result[i] = x.Value is long p && y.Value is long q ? Compute(p, q, compute) : new Dim();
        }
        return result;
    }

    private static Dim Compute(long a, long b, Func<long, long, long> compute)
    {
        try
        {
            return new Dim(compute(a, b));
        }
        catch (Exception e) when (e is OverflowException or DivideByZeroException)
        {
            return new Dim();
        }
    }
}
