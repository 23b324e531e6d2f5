using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.OnyxDomain;

/// <summary>
/// LayerNormalization (ai.onyx): per row of the axes from 'axis' on, y = (x − mean)/√(variance + epsilon)·Scale + B
/// for float tensors, in float. Scale and B hold one value per element of a row (their dims are the row's, leading 1s
/// allowed). Enough rows are split over the intra-op threads; each row is computed alike whichever thread takes it.
/// </summary>
internal static unsafe class LayerNormalizationKernel
{
    // Below about 2^14 elements (a few microseconds) per part waking a thread costs more than it saves.
    private const int MinElementsPerPart = 1 << 14;

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
        ReadOnlySpan<long> rowDims = x.Dims.AsSpan(first);
        CheckRowShaped(context, scale, rowDims, "Scale");
        if (bias is not null)
            CheckRowShaped(context, bias, rowDims, "B");
        Span<float> y = context.Output<float>(0, DataType.Float, x.Dims);
        int width = (int)context.ElementCount(rowDims);
        if (width == 0 || y.IsEmpty)
            return;
        Normalize(x.AsSpan<float>(), scale.AsSpan<float>(), bias is null ? default : bias.AsSpan<float>(), epsilon, width, y, context.Node.Threads);
    }

    /// <summary>Normalizes each row of <paramref name="width"/> values of <paramref name="x"/> into <paramref name="y"/> on up to <paramref name="threads"/> threads.</summary>
    private static void Normalize(ReadOnlySpan<float> x, ReadOnlySpan<float> scale, ReadOnlySpan<float> bias, float epsilon, int width, Span<float> y, int threads)
    {
        int rows = x.Length / width;
        int parts = IntraOpThreadPool.Parts(x.Length, MinElementsPerPart, rows, threads);
        fixed (float* xs = x, ss = scale, bs = bias, ys = y)
        {
            var job = new Job(xs, ss, bias.IsEmpty ? null : bs, ys, width, rows, epsilon, parts);
            IntraOpThreadPool.Of(threads).Run(parts, &RunPart, &job);
        }
    }

    private readonly struct Job(float* x, float* scale, float* bias, float* y, int width, int rows, float epsilon, int parts)
    {
        public readonly float* X = x, Scale = scale, Bias = bias, Y = y;
        public readonly int Width = width, Rows = rows, Parts = parts;
        public readonly float Epsilon = epsilon;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunPart(void* arguments, int part)
    {
        ref readonly Job job = ref *(Job*)arguments;
        int width = job.Width;
        var scale = new ReadOnlySpan<float>(job.Scale, width);
        var bias = job.Bias is null ? default : new ReadOnlySpan<float>(job.Bias, width);
        int first = (int)((long)job.Rows * part / job.Parts), end = (int)((long)job.Rows * (part + 1) / job.Parts);
        for (int r = first; r < end; r++)
        {
            var source = new ReadOnlySpan<float>(job.X + (long)r * width, width);
            var row = new Span<float>(job.Y + (long)r * width, width);
            float mean = TensorPrimitives.Sum(source) / width;
            TensorPrimitives.Subtract(source, mean, row);
            float variance = TensorPrimitives.SumOfSquares(row) / width;
            TensorPrimitives.Multiply(row, 1 / MathF.Sqrt(variance + job.Epsilon), row);
            if (bias.IsEmpty)
                TensorPrimitives.Multiply(row, scale, row);
            else
                TensorPrimitives.FusedMultiplyAdd(row, scale, bias, row);
        }
    }

    private static void CheckRowShaped(KernelContext context, Tensor t, ReadOnlySpan<long> rowDims, string name)
    {
        int lead = t.Dims.Length - rowDims.Length;
        bool fits = lead >= 0 && t.Dims.AsSpan(lead).SequenceEqual(rowDims);
        for (int i = 0; fits && i < lead; i++)
            fits = t.Dims[i] == 1;
        if (!fits)
            throw context.Fail($"input {name} has shape [{string.Join(",", t.Dims)}]; expected a row's shape [{string.Join(",", rowDims.ToArray())}]");
    }
}
