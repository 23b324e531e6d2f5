using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.OnyxDomain;

/// <summary>
/// ScaledDotProductAttention (ai.onyx): per matrix of the batch, the scores scale·Q·KT on <see cref="Sgemm"/>, the mask
/// added per row, a softmax per row in float, and the product with V written into Y. The matrices are split over the
/// intra-op threads, each part computing its scores in its own slice of one scratch buffer; a matrix is computed the
/// same way whichever part takes it, so the result does not depend on the thread count.
/// </summary>
internal sealed unsafe class ScaledDotProductAttentionKernel : Kernel
{
    // Below about 2^17 multiply-adds per part waking a thread costs more than it saves.
    private const long MinWorkPerPart = 1L << 17;

    private readonly float _scale;
    private Shapes? _shapes;

    private ScaledDotProductAttentionKernel(float scale) => _scale = scale;

    public static Kernel Create(KernelNode node) => new ScaledDotProductAttentionKernel(node.Attributes.Float("scale", 1f));

    /// <summary>
    /// What the input dims of the last run fix: the matrix sizes, Y's dims, and where each matrix's mask starts with the
    /// mask's row and column strides (0 where it broadcasts). Replaced whole when the dims change, so concurrent runs
    /// read one consistent instance.
    /// </summary>
    private sealed class Shapes(long[] q, long[] kt, long[] v, long[]? mask, long[] y, int batches, int s, int d, int t, int dv,
        long[] maskStarts, long maskRowStride, long maskColumnStride)
    {
        public readonly long[] Q = q, KT = kt, V = v, Y = y, MaskStarts = maskStarts;
        public readonly long[]? Mask = mask;
        public readonly int Batches = batches, S = s, D = d, T = t, Dv = dv;
        public readonly long MaskRowStride = maskRowStride, MaskColumnStride = maskColumnStride;

        public bool Fits(Tensor q, Tensor kt, Tensor v, Tensor? mask) =>
            q.Dims.AsSpan().SequenceEqual(Q) && kt.Dims.AsSpan().SequenceEqual(KT) && v.Dims.AsSpan().SequenceEqual(V)
            && (mask is null ? Mask is null : Mask is not null && mask.Dims.AsSpan().SequenceEqual(Mask));
    }

    public override void Run(KernelContext context)
    {
        Tensor q = context.Tensor(0), kt = context.Tensor(1), v = context.Tensor(2);
        Tensor? mask = context.OptionalTensor(3);
        if (q.DataType != DataType.Float || kt.DataType != DataType.Float || v.DataType != DataType.Float || (mask is not null && mask.DataType != DataType.Float))
            throw context.Fail("inputs Q, KT, V and mask must be float tensors");
        Shapes shapes = _shapes is { } cached && cached.Fits(q, kt, v, mask) ? cached : _shapes = Resolve(context, q, kt, v, mask);
        Span<float> y = context.Output<float>(0, DataType.Float, shapes.Y);
        if (y.IsEmpty)
            return;
        int s = shapes.S, t = shapes.T, threads = context.Node.Threads;
        long work = (long)shapes.Batches * s * t * (shapes.D + shapes.Dv);
        int parts = IntraOpThreadPool.Parts(work, MinWorkPerPart, shapes.Batches, threads);
        long scratchLength = (long)parts * s * t;
        if (scratchLength > Array.MaxLength)
            throw context.Fail($"the scores of {parts} matrices of {s}×{t} need more floats than one array holds");
        float[] scratch = ArrayPool<float>.Shared.Rent((int)System.Math.Max(scratchLength, 1));
        try
        {
            fixed (float* qs = q.AsSpan<float>(), ks = kt.AsSpan<float>(), vs = v.AsSpan<float>(), ys = y, ps = scratch)
            fixed (float* ms = mask is null ? default : mask.AsSpan<float>())
            fixed (long* maskStarts = shapes.MaskStarts)
            {
                var job = new Job(qs, ks, vs, mask is null ? null : ms, ys, ps, maskStarts, shapes, _scale, parts);
                IntraOpThreadPool.Of(threads).Run(parts, &RunPart, &job);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    private readonly struct Job(float* q, float* kt, float* v, float* mask, float* y, float* scratch, long* maskStarts, Shapes shapes, float scale, int parts)
    {
        public readonly float* Q = q, KT = kt, V = v, Mask = mask, Y = y, Scratch = scratch;
        public readonly long* MaskStarts = maskStarts;
        public readonly int Batches = shapes.Batches, S = shapes.S, D = shapes.D, T = shapes.T, Dv = shapes.Dv, Parts = parts;
        public readonly long MaskRowStride = shapes.MaskRowStride, MaskColumnStride = shapes.MaskColumnStride;
        public readonly float Scale = scale;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunPart(void* arguments, int part)
    {
        ref readonly Job job = ref *(Job*)arguments;
        int s = job.S, d = job.D, t = job.T, dv = job.Dv;
        int first = (int)((long)job.Batches * part / job.Parts), end = (int)((long)job.Batches * (part + 1) / job.Parts);
        var scores = new Span<float>(job.Scratch + (long)part * s * t, s * t);
        for (int batch = first; batch < end; batch++)
        {
            if (d > 0 && t > 0)
            {
                Sgemm.Multiply(false, false, s, t, d, job.Scale, new ReadOnlySpan<float>(job.Q + (long)batch * s * d, s * d), d,
                    new ReadOnlySpan<float>(job.KT + (long)batch * d * t, d * t), t, 0, scores, t);
            }
            else
            {
                scores.Clear();
            }
            for (int row = 0; row < s; row++)
            {
                Span<float> values = scores.Slice(row * t, t);
                if (job.Mask is not null)
                    AddMaskRow(values, job.Mask + job.MaskStarts[batch] + row * job.MaskRowStride, job.MaskColumnStride);
                Softmax(values);
            }
            var y = new Span<float>(job.Y + (long)batch * s * dv, s * dv);
            if (t > 0)
                Sgemm.Multiply(false, false, s, dv, t, 1, scores, t, new ReadOnlySpan<float>(job.V + (long)batch * t * dv, t * dv), dv, 0, y, dv);
            else
                y.Clear();
        }
    }

    private static Shapes Resolve(KernelContext context, Tensor q, Tensor kt, Tensor v, Tensor? mask)
    {
        int rank = q.Dims.Length;
        if (rank < 2 || kt.Dims.Length != rank || v.Dims.Length != rank || !q.Dims.AsSpan(0, rank - 2).SequenceEqual(kt.Dims.AsSpan(0, rank - 2))
            || !q.Dims.AsSpan(0, rank - 2).SequenceEqual(v.Dims.AsSpan(0, rank - 2)) || q.Dims[^1] != kt.Dims[^2] || kt.Dims[^1] != v.Dims[^2])
        {
            throw context.Fail($"inputs Q [{string.Join(",", q.Dims)}], KT [{string.Join(",", kt.Dims)}] and V [{string.Join(",", v.Dims)}] must be [..., S, D], [..., D, T] and [..., T, Dv] with the same batch dims");
        }
        long[] scoreDims = [.. q.Dims[..^1], kt.Dims[^1]];
        long[] maskStrides = mask is null ? new long[rank] : MaskStrides(context, mask.Dims, scoreDims);
        long[] dims = [.. q.Dims[..^1], v.Dims[^1]];
        int batches = (int)context.ElementCount(q.Dims[..^2]);
        var maskStarts = new long[batches];
        for (int batch = 0; batch < batches; batch++)
            maskStarts[batch] = BatchOffset(batch, q.Dims, maskStrides);
        return new Shapes([.. q.Dims], [.. kt.Dims], [.. v.Dims], mask is null ? null : [.. mask.Dims], dims, batches, (int)q.Dims[^2], (int)q.Dims[^1], (int)kt.Dims[^1], (int)v.Dims[^1],
            maskStarts, maskStrides[^2], maskStrides[^1]);
    }

    /// <summary>The mask's stride along each axis of the scores (0 where it broadcasts); fails unless it broadcasts to them.</summary>
    private static long[] MaskStrides(KernelContext context, long[] maskDims, long[] scoreDims)
    {
        int lead = scoreDims.Length - maskDims.Length;
        if (lead < 0)
            throw context.Fail($"input mask [{string.Join(",", maskDims)}] does not broadcast to the scores [{string.Join(",", scoreDims)}]");
        var strides = new long[scoreDims.Length];
        long stride = 1;
        for (int i = maskDims.Length - 1; i >= 0; i--)
        {
            if (maskDims[i] != 1 && maskDims[i] != scoreDims[lead + i])
                throw context.Fail($"input mask [{string.Join(",", maskDims)}] does not broadcast to the scores [{string.Join(",", scoreDims)}]");
            strides[lead + i] = maskDims[i] == 1 ? 0 : stride;
            stride *= maskDims[i];
        }
        return strides;
    }

    /// <summary>Where matrix <paramref name="batch"/> of the batch dims of <paramref name="dims"/> starts in the mask.</summary>
    private static long BatchOffset(int batch, long[] dims, long[] strides)
    {
        long offset = 0;
        for (int axis = dims.Length - 3; axis >= 0; axis--)
        {
            offset += batch % dims[axis] * strides[axis];
            batch = (int)(batch / dims[axis]);
        }
        return offset;
    }

    private static void AddMaskRow(Span<float> values, float* mask, long stride)
    {
        if (stride == 0)
            TensorPrimitives.Add(values, *mask, values);
        else
            TensorPrimitives.Add(values, new ReadOnlySpan<float>(mask, values.Length), values);
    }

    /// <summary>Softmax in place: exp(x − max)/Σ, so large scores do not overflow.</summary>
    private static void Softmax(Span<float> values)
    {
        if (values.IsEmpty)
            return;
        float max = TensorPrimitives.Max(values);
        TensorPrimitives.Subtract(values, max, values);
        TensorPrimitives.Exp(values, values);
        TensorPrimitives.Multiply(values, 1 / TensorPrimitives.Sum(values), values);
    }
}
