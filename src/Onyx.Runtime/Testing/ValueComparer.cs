using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Testing;

/// <summary>
/// Compares a computed value with an expected one by the ONNX backend-test rule: same kind, element type and shape;
/// strings and integers equal; reals within atol + rtol·|expected| at the output's precision; NaN and infinities at
/// the same positions. For outputs drawn at random (<paramref name="random"/>) only kind, type, shape and domain are
/// compared: where every expected value is 0 or 1 (Bernoulli's), every computed one must be too.
/// </summary>
internal sealed class ValueComparer(double relativeTolerance = 1e-3, double absoluteTolerance = 1e-7, bool random = false)
{
    /// <summary>Null when <paramref name="actual"/> matches <paramref name="expected"/>; otherwise the first difference.</summary>
    public string? Difference(OnnxValue expected, OnnxValue actual)
    {
        if (expected.Kind != actual.Kind)
            return $"expected a {expected.Kind}, got a {actual.Kind}";
        if (expected.Kind == OnnxValueKind.Map)
            return Difference(expected.MapKeys, actual.MapKeys) is { } keys ? $"keys: {keys}"
                : Difference(expected.MapValues, actual.MapValues) is { } values ? $"values: {values}" : null;
        if (expected.Kind != OnnxValueKind.Tensor)
        {
            IReadOnlyList<OnnxValue> e = expected.Elements, a = actual.Elements;
            if (e.Count != a.Count)
                return $"expected {e.Count} elements, got {a.Count}";
            for (int i = 0; i < e.Count; i++)
                if (Difference(e[i], a[i]) is { } inner)
                    return $"element {i}: {inner}";
            return null;
        }
        return Difference(expected.Tensor, actual.Tensor);
    }

    private string? Difference(Tensor x, Tensor y)
    {
        if (x.DataType != y.DataType)
            return $"expected {x.DataType.TypeName()}, got {y.DataType.TypeName()}";
        if (!x.Dims.AsSpan().SequenceEqual(y.Dims))
            return $"expected shape [{string.Join(",", x.Dims)}], got [{string.Join(",", y.Dims)}]";
        if (random)
            return Domain(x, y);
        return x.DataType switch
        {
            DataType.String => FirstDifference(x.ToStrings(), y.ToStrings(), (p, q) => p == q),
            DataType.Float => Reals(x.AsSpan<float>().ToArray(), y.AsSpan<float>().ToArray(), v => v),
            DataType.Double => Reals(x.AsSpan<double>().ToArray(), y.AsSpan<double>().ToArray(), v => v),
            DataType.Float16 => Reals(x.AsSpan<Half>().ToArray(), y.AsSpan<Half>().ToArray(), v => (float)v),
            DataType.BFloat16 => Reals(x.AsSpan<BFloat16>().ToArray(), y.AsSpan<BFloat16>().ToArray(), v => (float)v),
            _ => FirstDifference(x.RawData.ToArray(), y.RawData.ToArray(), (p, q) => p == q) is null ? null : Integers(x, y),
        };
    }

    private static string? Domain(Tensor expected, Tensor actual)
    {
        if (!Conversion.Supports(expected.DataType))
            return null;
        double[] e = Doubles(expected), a = Doubles(actual);
        if (!e.All(v => v is 0 or 1))
            return null;
        int i = Array.FindIndex(a, v => v is not (0 or 1));
        return i < 0 ? null : $"element {i}: expected 0 or 1 (the values are random), got {a[i]:R}";
    }

    private static double[] Doubles(Tensor tensor)
    {
        var values = new double[tensor.ElementCount];
        Conversion.Convert(tensor.DataType, tensor.RawData.Span, DataType.Double, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()), values.Length, ConversionOptions.Default);
        return values;
    }

    private string? Reals<T>(T[] expected, T[] actual, Func<T, double> value)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double e = value(expected[i]), a = value(actual[i]);
            bool same = double.IsNaN(e) ? double.IsNaN(a)
                : double.IsInfinity(e) ? e == a
                : !double.IsNaN(a) && !double.IsInfinity(a) && System.Math.Abs(a - e) <= absoluteTolerance + relativeTolerance * System.Math.Abs(e);
            if (!same)
                return $"element {i}: expected {e:R}, got {a:R}";
        }
        return null;
    }

    /// <summary>The first differing element of two integer or bool tensors, read through the element type.</summary>
    private static string Integers(Tensor expected, Tensor actual)
    {
        int size = System.Math.Max(1, expected.DataType.BitsPerElement() / 8);
        ReadOnlySpan<byte> x = expected.RawData.Span, y = actual.RawData.Span;
        for (int i = 0; i < x.Length; i++)
            if (x[i] != y[i])
                return $"element {i / size}: the values differ (bytes {i} of the payload)";
        return "the values differ";
    }

    private static string? FirstDifference<T>(T[] expected, T[] actual, Func<T, T, bool> same)
    {
        for (int i = 0; i < expected.Length; i++)
            if (!same(expected[i], actual[i]))
                return $"element {i}: expected {expected[i]}, got {actual[i]}";
        return null;
    }
}
