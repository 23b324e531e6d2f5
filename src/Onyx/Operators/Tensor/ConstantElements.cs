using System.Globalization;

namespace Onyx.Operators;

/// <summary>
/// Counts over the elements of a small constant input, for the operators whose output size depends on the data
/// (NonZero, Compress, Unique): known only when the input is a constant within the propagation limit.
/// </summary>
internal static class ConstantElements
{
    /// <summary>The number of non-zero elements of the input, or null when it is not a small numeric constant.</summary>
    public static long? NonZeroCount(InferenceContext context, int input, long limit = long.MaxValue)
    {
        if (IntegerInputs.KnownReals(context, input) is not { } values)
            return null;
        long count = 0;
        for (int i = 0; i < values.Length && i < limit; i++)
            if (values[i] != 0)
                count++;
        return count;
    }

    /// <summary>The number of distinct elements (no axis) or distinct slices along <paramref name="axis"/>; null when the input is not a small numeric constant.</summary>
    public static long? DistinctCount(InferenceContext context, int input, int? axis)
    {
        if (context.InputConstant(input) is not { } tensor || Texts(tensor, context.MaxPropagatedElements) is not { } values)
            return null;
        long[] dims = tensor.Dims;
        long slices = axis is int a ? dims[a] : values.Length;
        long inner = axis is int b ? dims[(b + 1)..].Aggregate(1L, (x, y) => x * y) : 1;
        long outer = slices == 0 || inner == 0 ? 0 : values.Length / (slices * inner);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (long j = 0; j < slices; j++)
        {
            var key = new List<string>();
            for (long o = 0; o < outer; o++)
                for (long i = 0; i < inner; i++)
                    key.Add(values[(o * slices + j) * inner + i]);
            seen.Add(string.Join(",", key));
        }
        return seen.Count;
    }

    private static string[]? Texts(Tensor tensor, int maxElements)
    {
        if (TensorValues.Integers(tensor, maxElements) is { } integers)
            return Array.ConvertAll(integers, v => v.ToString(CultureInfo.InvariantCulture));
        // -0 and 0 are the same value; every NaN collapses into one, as numpy.unique does.
        return TensorValues.Reals(tensor, maxElements) is { } reals
            ? Array.ConvertAll(reals, v => (v == 0 ? 0 : v).ToString("R", CultureInfo.InvariantCulture))
            : null;
    }
}
