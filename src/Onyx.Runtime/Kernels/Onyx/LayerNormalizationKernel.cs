using System.Numerics.Tensors;

namespace Onyx.Runtime.Kernels.OnyxDomain;

/// <summary>
/// LayerNormalization (ai.onyx): per row of the axes from 'axis' on, y = (x − mean)/√(variance + epsilon)·Scale + B
/// for float tensors, in float. Scale and B hold one value per element of a row (their dims are the row's, leading 1s
/// allowed).
/// </summary>
internal static class LayerNormalizationKernel
{
    public static Kernel Create(KernelNode node)
    {
        long axis = node.Attributes.Int("axis", -1);
        float epsilon = node.Attributes.Float("epsilon", 1e-5f);
        return new DelegateKernel(context => Run(context, axis, epsilon));
    }

    private static void Run(KernelContext context, long axis, float epsilon)
    {
        Tensor x = context.Tensor(0), scale = context.Tensor(1);
        Tensor? bias = context.OptionalTensor(2);
        if (x.DataType != DataType.Float || scale.DataType != DataType.Float || (bias is not null && bias.DataType != DataType.Float))
            throw context.Fail("inputs X, Scale and B must be float tensors");
        int rank = x.Dims.Length;
        if (axis < -rank || axis >= rank)
            throw context.Fail($"attribute 'axis' is {axis}; expected a value in [{-rank}, {rank - 1}] for X of shape [{string.Join(",", x.Dims)}]");
        int first = (int)(axis < 0 ? axis + rank : axis);
        long[] rowDims = x.Dims[first..];
        CheckRowShaped(context, scale, rowDims, "Scale");
        if (bias is not null)
            CheckRowShaped(context, bias, rowDims, "B");
        Span<float> y = context.Output<float>(0, DataType.Float, x.Dims);
        int width = (int)context.ElementCount(rowDims);
        if (width == 0)
            return;
        Normalize(x.AsSpan<float>(), scale.AsSpan<float>(), bias is null ? default : bias.AsSpan<float>(), epsilon, width, y);
    }

    /// <summary>Normalizes each row of <paramref name="width"/> values of <paramref name="x"/> into <paramref name="y"/>.</summary>
    internal static void Normalize(ReadOnlySpan<float> x, ReadOnlySpan<float> scale, ReadOnlySpan<float> bias, float epsilon, int width, Span<float> y)
    {
        for (int start = 0; start < x.Length; start += width)
        {
            Span<float> row = y.Slice(start, width);
            ReadOnlySpan<float> source = x.Slice(start, width);
            float mean = TensorPrimitives.Sum(source) / width;
            TensorPrimitives.Subtract(source, mean, row);
            float variance = TensorPrimitives.SumOfSquares(row) / width;
            TensorPrimitives.Multiply(row, 1 / MathF.Sqrt(variance + epsilon), row);
            if (bias.IsEmpty)
                TensorPrimitives.Multiply(row, scale, row);
            else
                TensorPrimitives.FusedMultiplyAdd(row, scale, bias, row);
        }
    }

    private static void CheckRowShaped(KernelContext context, Tensor t, long[] rowDims, string name)
    {
        int lead = t.Dims.Length - rowDims.Length;
        bool fits = lead >= 0 && t.Dims.AsSpan(lead).SequenceEqual(rowDims);
        for (int i = 0; fits && i < lead; i++)
            fits = t.Dims[i] == 1;
        if (!fits)
            throw context.Fail($"input {name} has shape [{string.Join(",", t.Dims)}]; expected a row's shape [{string.Join(",", rowDims)}]");
    }
}
