using System.Buffers;
using System.Numerics.Tensors;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.OnyxDomain;

/// <summary>
/// ScaledDotProductAttention (ai.onyx): per matrix of the batch, the scores scale·Q·KT on <see cref="Sgemm"/>, the mask
/// added per row, a softmax per row in float, and the product with V written into Y.
/// </summary>
internal static class ScaledDotProductAttentionKernel
{
    public static Kernel Create(KernelNode node)
    {
        float scale = node.Attributes.Float("scale", 1f);
        return new DelegateKernel(context => Run(context, scale));
    }

    private static void Run(KernelContext context, float scale)
    {
        Tensor q = context.Tensor(0), kt = context.Tensor(1), v = context.Tensor(2);
        Tensor? mask = context.OptionalTensor(3);
        if (q.DataType != DataType.Float || kt.DataType != DataType.Float || v.DataType != DataType.Float || (mask is not null && mask.DataType != DataType.Float))
            throw context.Fail("inputs Q, KT, V and mask must be float tensors");
        int rank = q.Dims.Length;
        if (rank < 2 || kt.Dims.Length != rank || v.Dims.Length != rank || !q.Dims.AsSpan(0, rank - 2).SequenceEqual(kt.Dims.AsSpan(0, rank - 2))
            || !q.Dims.AsSpan(0, rank - 2).SequenceEqual(v.Dims.AsSpan(0, rank - 2)) || q.Dims[^1] != kt.Dims[^2] || kt.Dims[^1] != v.Dims[^2])
        {
            throw context.Fail($"inputs Q [{string.Join(",", q.Dims)}], KT [{string.Join(",", kt.Dims)}] and V [{string.Join(",", v.Dims)}] must be [..., S, D], [..., D, T] and [..., T, Dv] with the same batch dims");
        }
        int s = (int)q.Dims[^2], d = (int)q.Dims[^1], t = (int)kt.Dims[^1], dv = (int)v.Dims[^1];
        long[] scoreDims = [.. q.Dims[..^1], t];
        long[] maskStrides = mask is null ? [] : MaskStrides(context, mask.Dims, scoreDims);
        long[] dims = [.. q.Dims[..^1], dv];
        Span<float> y = context.Output<float>(0, DataType.Float, dims);
        int batches = (int)context.ElementCount(q.Dims[..^2]);
        if (y.IsEmpty)
            return;
        ReadOnlySpan<float> qs = q.AsSpan<float>(), ks = kt.AsSpan<float>(), vs = v.AsSpan<float>();
        ReadOnlySpan<float> ms = mask is null ? default : mask.AsSpan<float>();
        float[] scores = ArrayPool<float>.Shared.Rent(System.Math.Max(s * t, 1));
        try
        {
            for (int batch = 0; batch < batches; batch++)
            {
                Span<float> p = scores.AsSpan(0, s * t);
                if (d > 0 && t > 0)
                    Sgemm.Multiply(false, false, s, t, d, scale, qs.Slice(batch * s * d, s * d), d, ks.Slice(batch * d * t, d * t), t, 0, p, t, context.Node.Threads);
                else
                    p.Clear();
                long maskBase = mask is null ? 0 : BatchOffset(batch, q.Dims, maskStrides);
                for (int row = 0; row < s; row++)
                {
                    Span<float> values = p.Slice(row * t, t);
                    if (mask is not null)
                        AddMaskRow(values, ms, maskBase + row * maskStrides[^2], maskStrides[^1]);
                    Softmax(values);
                }
                if (t > 0)
                    Sgemm.Multiply(false, false, s, dv, t, 1, p, t, vs.Slice(batch * t * dv, t * dv), dv, 0, y.Slice(batch * s * dv, s * dv), dv, context.Node.Threads);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
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

    private static void AddMaskRow(Span<float> values, ReadOnlySpan<float> mask, long start, long stride)
    {
        if (stride == 0)
            TensorPrimitives.Add(values, mask[(int)start], values);
        else
            TensorPrimitives.Add(values, mask.Slice((int)start, values.Length), values);
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
