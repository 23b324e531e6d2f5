using System.Numerics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>
/// Attention (23–25): softmax(scale · Q·Kᵀ, soft-capped, plus the bias) · V per head, key/value heads shared by groups of
/// query heads (GQA/MQA). The bias sums attn_mask (bool: -inf where false; else added; its last axis padded with -inf),
/// the causal and sliding-window frontiers at the cache offset, and the nonpad_kv_seqlen padding; a query row whose
/// bias is all -inf gives zero probabilities (spec: a fully-masked row is a zero row, not NaN). Computes in double.
/// </summary>
internal sealed class AttentionKernel(AttentionKernel.Settings settings) : Kernel
{
    internal sealed record Settings(bool Causal, long QHeads, long KvHeads, float? Scale, double Softcap, long QkMode, long LeftWindow, long RightWindow);

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("Attention", Create)];

    private static Kernel Create(KernelNode node)
    {
        NodeAttributes a = node.Attributes;
        var settings = new Settings(a.Int("is_causal", 0) != 0, a.Int("q_num_heads", 0), a.Int("kv_num_heads", 0), a.Float("scale"),
            a.Float("softcap", 0), a.Int("qk_matmul_output_mode", 0), a.Int("left_window_size", -1), a.Int("right_window_size", -1));
        if (settings.QkMode is < 0 or > 3)
            throw node.Fail($"attribute 'qk_matmul_output_mode' is {settings.QkMode}; expected 0, 1, 2 or 3");
        if (settings.LeftWindow < -1 || settings.RightWindow < -1)
            throw node.Fail($"window sizes are {settings.LeftWindow} and {settings.RightWindow}; expected -1 or non-negative values");
        return new AttentionKernel(settings);
    }

    /// <summary>The shapes of one run, heads first: Q (batch, qHeads, qLength, headSize), K/V (batch, kvHeads, total, ·).</summary>
    private sealed record Shapes(long Batch, long QHeads, long KvHeads, long QLength, long KvLength, long PastLength, long HeadSize, long VHeadSize, bool ThreeD)
    {
        public long Total => PastLength + KvLength;
    }

    public override void Run(KernelContext context)
    {
        Tensor q = context.Tensor(0), k = context.Tensor(1), v = context.Tensor(2);
        Tensor? mask = context.OptionalTensor(3), pastKey = context.OptionalTensor(4), pastValue = context.OptionalTensor(5), nonpad = context.OptionalTensor(6);
        if ((pastKey is null) != (pastValue is null))
            throw context.Fail("inputs past_key and past_value must be given together");
        if (nonpad is not null && pastKey is not null)
            throw context.Fail("input nonpad_kv_seqlen cannot be combined with past_key and past_value");
        Shapes shapes = ShapesOf(context, q, k, v, pastKey, pastValue);
        double[] queries = HeadsFirst(RealTensors.Read(context, q, "Q"), shapes.Batch, shapes.QHeads, shapes.QLength, shapes.HeadSize, shapes.ThreeD);
        double[] keys = Present(context, k, pastKey, "K", shapes, shapes.HeadSize);
        double[] values = Present(context, v, pastValue, "V", shapes, shapes.VHeadSize);
        long[] validKeys = NonpadLengths(context, nonpad, shapes);
        Func<long, long, long, long, double> maskBias = MaskBias(context, mask, shapes);

        long total = shapes.Total, group = shapes.QHeads / shapes.KvHeads;
        double scale = settings.Scale ?? 1 / System.Math.Sqrt(shapes.HeadSize);
        var y = new double[shapes.Batch * shapes.QHeads * shapes.QLength * shapes.VHeadSize];
        var qk = new double[shapes.Batch * shapes.QHeads * shapes.QLength * total];
        var scores = new double[total];
        var bias = new double[total];
        for (long b = 0; b < shapes.Batch; b++)
        {
            // Spec: the causal/window offset is the past length, or nonpad_kv_seqlen − q_sequence_length per batch.
            long offset = pastKey is not null ? shapes.PastLength : nonpad is not null ? validKeys[b] - shapes.QLength : 0;
            for (long h = 0; h < shapes.QHeads; h++)
            {
                long kvHead = (b * shapes.KvHeads + h / group) * total;
                for (long i = 0; i < shapes.QLength; i++)
                {
                    long queryRow = ((b * shapes.QHeads + h) * shapes.QLength + i) * shapes.HeadSize;
                    double maxBias = double.NegativeInfinity;
                    for (long j = 0; j < total; j++)
                    {
                        double dot = 0;
                        for (long d = 0; d < shapes.HeadSize; d++)
                            dot += queries[queryRow + d] * keys[(kvHead + j) * shapes.HeadSize + d];
                        double raw = dot * scale, capped = settings.Softcap > 0 ? settings.Softcap * System.Math.Tanh(raw / settings.Softcap) : raw;
                        bias[j] = maskBias(b, h, i, j) + FrontierBias(i + offset - j, j, validKeys[b]);
                        maxBias = System.Math.Max(maxBias, bias[j]);
                        scores[j] = capped + bias[j];
                        qk[(((b * shapes.QHeads + h) * shapes.QLength) + i) * total + j] = settings.QkMode switch { 0 => raw, 1 => capped, _ => scores[j] };
                    }
                    long outRow = ((b * shapes.QHeads + h) * shapes.QLength + i) * shapes.VHeadSize;
                    Softmax(scores, double.IsNegativeInfinity(maxBias));
                    for (long j = 0; j < total; j++)
                    {
                        if (settings.QkMode == 3)
                            qk[(((b * shapes.QHeads + h) * shapes.QLength) + i) * total + j] = scores[j];
                        if (scores[j] == 0)
                            continue;
                        for (long d = 0; d < shapes.VHeadSize; d++)
                            y[outRow + d] += scores[j] * values[(kvHead + j) * shapes.VHeadSize + d];
                    }
                }
            }
        }
        long[] yDims = shapes.ThreeD ? [shapes.Batch, shapes.QLength, shapes.QHeads * shapes.VHeadSize] : [shapes.Batch, shapes.QHeads, shapes.QLength, shapes.VHeadSize];
        RealTensors.Write(context, 0, q.DataType, yDims, shapes.ThreeD ? SequenceFirst(y, shapes.Batch, shapes.QHeads, shapes.QLength, shapes.VHeadSize) : y);
        if (context.HasOutput(1))
            RealTensors.Write(context, 1, k.DataType, [shapes.Batch, shapes.KvHeads, total, shapes.HeadSize], keys);
        if (context.HasOutput(2))
            RealTensors.Write(context, 2, v.DataType, [shapes.Batch, shapes.KvHeads, total, shapes.VHeadSize], values);
        if (context.HasOutput(3))
            RealTensors.Write(context, 3, q.DataType, [shapes.Batch, shapes.QHeads, shapes.QLength, total], qk);
    }

    /// <summary>The causal, sliding-window and padding bias of key <paramref name="j"/> at <paramref name="distance"/> = query position − key.</summary>
    private double FrontierBias(long distance, long j, long validKeys)
    {
        bool allowed = (!settings.Causal || distance >= 0)
            && (settings.LeftWindow < 0 || distance <= settings.LeftWindow)
            && (settings.RightWindow < 0 || -distance <= settings.RightWindow)
            && j < validKeys;
        return allowed ? 0 : double.NegativeInfinity;
    }

    /// <summary>Softmax in place; a fully-masked row becomes zeros.</summary>
    private static void Softmax(double[] scores, bool fullyMasked)
    {
        double max = double.NegativeInfinity;
        foreach (double s in scores)
            max = System.Math.Max(max, s);
        if (fullyMasked || double.IsNegativeInfinity(max))
        {
            Array.Clear(scores);
            return;
        }
        double sum = 0;
        for (int j = 0; j < scores.Length; j++)
            sum += scores[j] = System.Math.Exp(scores[j] - max);
        for (int j = 0; j < scores.Length; j++)
            scores[j] /= sum;
    }

    private Shapes ShapesOf(KernelContext context, Tensor q, Tensor k, Tensor v, Tensor? pastKey, Tensor? pastValue)
    {
        int rank = q.Dims.Length;
        if (rank is not (3 or 4) || k.Dims.Length != rank || v.Dims.Length != rank)
            throw context.Fail($"inputs Q, K, V have shapes [{string.Join(",", q.Dims)}], [{string.Join(",", k.Dims)}], [{string.Join(",", v.Dims)}]; expected all 3-D or all 4-D");
        long batch = q.Dims[0];
        long qHeads, kvHeads, qLength, kvLength, headSize, vHeadSize;
        if (rank == 4)
        {
            (qHeads, qLength, headSize) = (q.Dims[1], q.Dims[2], q.Dims[3]);
            (kvHeads, kvLength, vHeadSize) = (k.Dims[1], k.Dims[2], v.Dims[3]);
            if (k.Dims[3] != headSize || v.Dims[1] != kvHeads || v.Dims[2] != kvLength)
                throw context.Fail($"inputs K [{string.Join(",", k.Dims)}] and V [{string.Join(",", v.Dims)}] do not match Q [{string.Join(",", q.Dims)}]: expected K (batch, kv_heads, kv_length, {headSize}) and V (batch, kv_heads, kv_length, v_head_size)");
        }
        else
        {
            (qHeads, kvHeads) = (settings.QHeads, settings.KvHeads);
            if (qHeads <= 0 || kvHeads <= 0 || q.Dims[2] % qHeads != 0 || k.Dims[2] % kvHeads != 0 || v.Dims[2] % kvHeads != 0)
                throw context.Fail($"3-D inputs need attributes q_num_heads and kv_num_heads dividing the hidden sizes (Q [{string.Join(",", q.Dims)}], K [{string.Join(",", k.Dims)}], V [{string.Join(",", v.Dims)}], heads {qHeads} and {kvHeads})");
            (qLength, headSize, kvLength, vHeadSize) = (q.Dims[1], q.Dims[2] / qHeads, k.Dims[1], v.Dims[2] / kvHeads);
            if (k.Dims[2] / kvHeads != headSize || v.Dims[1] != kvLength)
                throw context.Fail($"inputs K [{string.Join(",", k.Dims)}] and V [{string.Join(",", v.Dims)}] do not match Q [{string.Join(",", q.Dims)}]: expected the head size {headSize} and one kv length");
        }
        if (k.Dims[0] != batch || v.Dims[0] != batch)
            throw context.Fail($"inputs K and V have batch {k.Dims[0]} and {v.Dims[0]}; expected Q's batch {batch}");
        if (kvHeads == 0 || qHeads % kvHeads != 0)
            throw context.Fail($"Q has {qHeads} heads and K/V {kvHeads}; expected the query heads to be a multiple of the key/value heads");
        long past = 0;
        if (pastKey is not null && pastValue is not null)
        {
            past = pastKey.Dims.Length == 4 ? pastKey.Dims[2] : -1;
            if (!pastKey.Dims.AsSpan().SequenceEqual([batch, kvHeads, past, headSize]))
                throw context.Fail($"input past_key has shape [{string.Join(",", pastKey.Dims)}]; expected ({batch}, {kvHeads}, past_length, {headSize})");
            if (!pastValue.Dims.AsSpan().SequenceEqual([batch, kvHeads, past, vHeadSize]))
                throw context.Fail($"input past_value has shape [{string.Join(",", pastValue.Dims)}]; expected [{batch},{kvHeads},{past},{vHeadSize}]");
        }
        return new Shapes(batch, qHeads, kvHeads, qLength, kvLength, past, headSize, vHeadSize, rank == 3);
    }

    /// <summary>Key or value heads first, the past (if any) followed by the new tokens: the present cache.</summary>
    private static double[] Present(KernelContext context, Tensor current, Tensor? past, string name, Shapes shapes, long headSize)
    {
        double[] now = HeadsFirst(RealTensors.Read(context, current, name), shapes.Batch, shapes.KvHeads, shapes.KvLength, headSize, shapes.ThreeD);
        if (past is null)
            return now;
        double[] before = RealTensors.Read(context, past, "past_" + name);
        long pastBlock = shapes.PastLength * headSize, nowBlock = shapes.KvLength * headSize;
        var present = new double[before.Length + now.Length];
        for (long head = 0; head < shapes.Batch * shapes.KvHeads; head++)
        {
            Array.Copy(before, head * pastBlock, present, head * (pastBlock + nowBlock), pastBlock);
            Array.Copy(now, head * nowBlock, present, head * (pastBlock + nowBlock) + pastBlock, nowBlock);
        }
        return present;
    }

    /// <summary>(batch, length, heads · size) → (batch, heads, length, size) for 3-D inputs; 4-D ones already are.</summary>
    private static double[] HeadsFirst(double[] values, long batch, long heads, long length, long size, bool threeD)
    {
        if (!threeD)
            return values;
        var result = new double[values.Length];
        for (long b = 0; b < batch; b++)
            for (long s = 0; s < length; s++)
                for (long h = 0; h < heads; h++)
                    Array.Copy(values, ((b * length + s) * heads + h) * size, result, ((b * heads + h) * length + s) * size, size);
        return result;
    }

    /// <summary>(batch, heads, length, size) → (batch, length, heads · size): Y of 3-D inputs.</summary>
    private static double[] SequenceFirst(double[] values, long batch, long heads, long length, long size)
    {
        var result = new double[values.Length];
        for (long b = 0; b < batch; b++)
            for (long h = 0; h < heads; h++)
                for (long s = 0; s < length; s++)
                    Array.Copy(values, ((b * heads + h) * length + s) * size, result, ((b * length + s) * heads + h) * size, size);
        return result;
    }

    private static long[] NonpadLengths(KernelContext context, Tensor? nonpad, Shapes shapes)
    {
        if (nonpad is null)
            return Enumerable.Repeat(shapes.Total, (int)shapes.Batch).ToArray();
        if (nonpad.DataType != DataType.Int64 || !nonpad.Dims.AsSpan().SequenceEqual([shapes.Batch]))
            throw context.Fail($"input nonpad_kv_seqlen has shape [{string.Join(",", nonpad.Dims)}] of {nonpad.DataType.TypeName()}; expected int64 [{shapes.Batch}]");
        return nonpad.AsSpan<long>().ToArray();
    }

    /// <summary>
    /// The attn_mask bias at (batch, query head, query, key): the mask broadcast to (batch, q_heads, q_length, ·) with its
    /// last axis padded to the total length by -inf (bool: false); zero without a mask.
    /// </summary>
    private static Func<long, long, long, long, double> MaskBias(KernelContext context, Tensor? mask, Shapes shapes)
    {
        if (mask is null)
            return static (_, _, _, _) => 0;
        long[] dims = mask.Dims;
        long[] target = [shapes.Batch, shapes.QHeads, shapes.QLength, shapes.Total];
        bool fits = dims.Length is >= 1 and <= 4 && dims[^1] <= shapes.Total;
        for (int i = 1; i < dims.Length && fits; i++)
            fits = dims[^(i + 1)] == 1 || dims[^(i + 1)] == target[^(i + 1)];
        if (!fits)
            throw context.Fail($"input attn_mask has shape [{string.Join(",", dims)}]; expected a shape broadcastable to [{string.Join(",", target)}] (the last axis at most {shapes.Total})");
        double[] bias = MaskValues(context, mask);
        var strides = new long[4];
        long stride = 1;
        for (int i = 1; i <= dims.Length; i++)
        {
            strides[^i] = dims[^i] == 1 && i > 1 ? 0 : stride;
            stride *= dims[^i];
        }
        long last = dims[^1];
        return (b, h, i, j) => j >= last ? double.NegativeInfinity : bias[b * strides[0] + h * strides[1] + i * strides[2] + j * strides[3]];
    }

    private static double[] MaskValues(KernelContext context, Tensor mask) => mask.DataType switch
    {
        DataType.Bool => [.. mask.AsSpan<bool>().ToArray().Select(allowed => allowed ? 0 : double.NegativeInfinity)],
        DataType.Int16 => Widen<short>(mask),
        DataType.Int32 => Widen<int>(mask),
        DataType.Int64 => Widen<long>(mask),
        DataType.UInt16 => Widen<ushort>(mask),
        DataType.UInt32 => Widen<uint>(mask),
        DataType.UInt64 => Widen<ulong>(mask),
        _ => RealTensors.Read(context, mask, "attn_mask"),
    };

    private static double[] Widen<T>(Tensor tensor) where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<T> source = tensor.AsSpan<T>();
        var result = new double[source.Length];
        for (int i = 0; i < source.Length; i++)
            result[i] = double.CreateTruncating(source[i]);
        return result;
    }
}
