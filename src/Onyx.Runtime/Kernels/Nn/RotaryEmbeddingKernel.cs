using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>
/// RotaryEmbedding: rotates the first rotary_embedding_dim values of each head by the angle of its token's position —
/// pairs (x[i], x[i + dim/2]), or (x[2i], x[2i + 1]) when interleaved — with cos/sin rows picked by position_ids
/// (or given per batch and token); the remaining values pass through.
/// </summary>
internal sealed class RotaryEmbeddingKernel(bool interleaved, long numHeads, long rotaryDim) : Kernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("RotaryEmbedding", Create)];

    private static Kernel Create(KernelNode node)
    {
        long numHeads = node.Attributes.Int("num_heads", 0), rotaryDim = node.Attributes.Int("rotary_embedding_dim", 0);
        if (numHeads < 0 || rotaryDim < 0 || rotaryDim % 2 != 0)
            throw node.Fail($"attributes num_heads {numHeads} and rotary_embedding_dim {rotaryDim}; expected non-negative values, the rotary dim even");
        return new RotaryEmbeddingKernel(node.Attributes.Int("interleaved", 0) != 0, numHeads, rotaryDim);
    }

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0), cos = context.Tensor(1), sin = context.Tensor(2);
        Tensor? positions = context.OptionalTensor(3);
        long[] dims = x.Dims;
        // Spec: a 4-D X is (batch, heads, sequence, head_size); a 3-D X is (batch, sequence, heads · head_size).
        (long batch, long heads, long sequence, long headSize) = dims.Length switch
        {
            4 => (dims[0], dims[1], dims[2], dims[3]),
            3 when numHeads > 0 && dims[2] % numHeads == 0 => (dims[0], numHeads, dims[1], dims[2] / numHeads),
            3 => throw context.Fail($"input X has shape [{string.Join(",", dims)}]; a 3-D X needs attribute num_heads dividing its last dim (num_heads is {numHeads})"),
            _ => throw context.Fail($"input X has shape [{string.Join(",", dims)}]; expected rank 3 or 4"),
        };
        long rotary = rotaryDim == 0 ? headSize : rotaryDim, half = rotary / 2;
        if (rotary > headSize || rotary % 2 != 0)
            throw context.Fail($"the rotary dim {rotary} must be even and at most the head size {headSize}");
        long[] cacheShape = positions is null ? [batch, sequence, half] : [cos.Dims.Length == 2 ? cos.Dims[0] : -1, half];
        foreach ((Tensor cache, string name) in new[] { (cos, "cos_cache"), (sin, "sin_cache") })
        {
            if (!cache.Dims.AsSpan().SequenceEqual(cacheShape) || cache.DataType != x.DataType)
                throw context.Fail($"input {name} has shape [{string.Join(",", cache.Dims)}] of {cache.DataType.TypeName()}; expected [{string.Join(",", cacheShape)}] of X's type{(positions is null ? "" : " (rows by position)")}");
        }
        if (positions is not null && (positions.DataType != DataType.Int64 || !positions.Dims.AsSpan().SequenceEqual([batch, sequence])))
            throw context.Fail($"input position_ids has shape [{string.Join(",", positions.Dims)}] of {positions.DataType.TypeName()}; expected int64 [{batch},{sequence}]");

        double[] values = RealTensors.Read(context, x, "X"), cosines = RealTensors.Read(context, cos, "cos_cache"), sines = RealTensors.Read(context, sin, "sin_cache");
        ReadOnlySpan<long> at = positions is null ? default : positions.AsSpan<long>();
        for (long b = 0; b < batch; b++)
        {
            for (long s = 0; s < sequence; s++)
            {
                long row = b * sequence + s;
                if (positions is not null)
                {
                    row = at[(int)row];
                    if (row < 0 || row >= cacheShape[0])
                        throw context.Fail($"input position_ids holds {row}; expected a row of cos_cache in [0, {cacheShape[0]})");
                }
                for (long h = 0; h < heads; h++)
                {
                    long start = (dims.Length == 4 ? (b * heads + h) * sequence + s : (b * sequence + s) * heads + h) * headSize;
                    for (long i = 0; i < half; i++)
                    {
                        long first = start + (interleaved ? 2 * i : i), second = first + (interleaved ? 1 : half);
                        double c = cosines[row * half + i], n = sines[row * half + i], x1 = values[first], x2 = values[second];
                        values[first] = c * x1 - n * x2;
                        values[second] = n * x1 + c * x2;
                    }
                }
            }
        }
        RealTensors.Write(context, 0, x.DataType, dims, values);
    }
}
