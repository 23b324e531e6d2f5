namespace Onyx.Runtime.Kernels.Sequence;

/// <summary>
/// SplitToSequence: cuts a tensor along an axis into a sequence. Without 'split' the pieces have length 1 and
/// 'keepdims' = 0 drops the axis; a scalar 'split' gives pieces of that length (the last one shorter if need be);
/// a 1-D 'split' gives the lengths, which must add up to the axis. With a 'split' the axis is always kept.
/// </summary>
internal sealed class SplitToSequenceKernel(int axis, bool keepDims) : Kernel
{
    public static Kernel Create(KernelNode node) =>
        new SplitToSequenceKernel(checked((int)node.Attributes.Int("axis", 0)), node.Attributes.Int("keepdims", 1) != 0);

    public override void Run(KernelContext context)
    {
        Tensor input = context.Tensor(0);
        if (!AxisBlocks.Supports(input.DataType))
            throw context.Fail($"input 0 ('{SequenceValues.InputName(context, 0)}') has element type {input.DataType.TypeName()}, which SplitToSequence does not allow");
        int rank = input.Dims.Length;
        if (axis < -rank || axis >= rank)
            throw context.Fail($"attribute 'axis' is {axis}, outside [{-rank}, {rank - 1}] for input 0 ('{SequenceValues.InputName(context, 0)}') of rank {rank}");
        int a = axis < 0 ? axis + rank : axis;
        long[] lengths = Lengths(context, input.Dims[a]);
        bool dropAxis = !context.HasInput(1) && !keepDims;
        var pieces = new OnnxValue[lengths.Length];
        long start = 0;
        for (int i = 0; i < lengths.Length; i++)
        {
            long[] dims = [.. input.Dims];
            dims[a] = lengths[i];
            if (dropAxis)
                dims = [.. dims[..a], .. dims[(a + 1)..]];
            pieces[i] = OnnxValue.FromTensor(AxisBlocks.Slice(input, a, start, lengths[i], dims));
            start += lengths[i];
        }
        context.SetOutput(0, OnnxValue.Sequence(pieces, SequenceValues.TensorElement(input.DataType)));
    }

    private static long[] Lengths(KernelContext context, long axisLength)
    {
        Tensor? split = context.OptionalTensor(1);
        if (split is null)
        {
            var ones = new long[axisLength];
            Array.Fill(ones, 1L);
            return ones;
        }
        long[] values = split.DataType switch
        {
            DataType.Int32 => [.. split.AsSpan<int>().ToArray().Select(v => (long)v)],
            DataType.Int64 => split.AsSpan<long>().ToArray(),
            _ => throw context.Fail($"input 1 ('{SequenceValues.InputName(context, 1)}') must be int32 or int64, found {split.DataType.TypeName()}"),
        };
        if (split.Dims.Length == 0)
        {
            long piece = values[0];
            if (piece <= 0)
                throw context.Fail($"input 1 ('{SequenceValues.InputName(context, 1)}') is the scalar {piece}; a piece length must be positive");
            long count = (axisLength + piece - 1) / piece;
            var lengths = new long[count];
            for (long i = 0; i < count; i++)
                lengths[i] = System.Math.Min(piece, axisLength - i * piece);
            return lengths;
        }
        if (split.Dims.Length != 1)
            throw context.Fail($"input 1 ('{SequenceValues.InputName(context, 1)}') must be a scalar or 1-D, found shape [{string.Join(",", split.Dims)}]");
        if (values.Any(v => v < 0) || values.Sum() != axisLength)
            throw context.Fail($"input 1 ('{SequenceValues.InputName(context, 1)}') is [{string.Join(",", values)}]; the lengths must be non-negative and add up to the axis length {axisLength}");
        return values;
    }
}
