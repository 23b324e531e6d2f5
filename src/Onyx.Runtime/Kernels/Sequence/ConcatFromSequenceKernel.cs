namespace Onyx.Runtime.Kernels.Sequence;

/// <summary>
/// ConcatFromSequence: joins a sequence's tensors along an axis, or with 'new_axis' = 1 stacks them along a new
/// axis (then 'axis' may also be the new last one, in [-rank - 1, rank]).
/// </summary>
internal sealed class ConcatFromSequenceKernel(int axis, bool newAxis) : Kernel
{
    public static Kernel Create(KernelNode node) => new ConcatFromSequenceKernel(
        checked((int)(node.Attributes.Int("axis") ?? throw node.Fail("attribute 'axis' is required"))),
        node.Attributes.Int("new_axis", 0) != 0);

    public override void Run(KernelContext context)
    {
        OnnxValue sequence = SequenceValues.Sequence(context, 0);
        IReadOnlyList<OnnxValue> elements = sequence.Elements;
        string name = SequenceValues.InputName(context, 0);
        if (elements.Count == 0)
            throw context.Fail($"input 0 ('{name}') is an empty sequence; there is nothing to concatenate");
        var parts = new Tensor[elements.Count];
        for (int i = 0; i < parts.Length; i++)
            parts[i] = elements[i].Kind == OnnxValueKind.Tensor ? elements[i].Tensor : throw context.Fail($"element {i} of input 0 ('{name}') is a {elements[i].Kind}, not a tensor");
        Tensor first = parts[0];
        if (!AxisBlocks.Supports(first.DataType))
            throw context.Fail($"input 0 ('{name}') holds {first.DataType.TypeName()}, which ConcatFromSequence does not allow");
        int rank = first.Dims.Length, outputRank = newAxis ? rank + 1 : rank;
        if (axis < -outputRank || axis >= outputRank)
            throw context.Fail($"attribute 'axis' is {axis}, outside [{-outputRank}, {outputRank - 1}] for elements of rank {rank}{(newAxis ? " with new_axis" : "")}");
        int a = axis < 0 ? axis + outputRank : axis;
        var lengths = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            Tensor part = parts[i];
            bool sameShape = part.Dims.Length == rank;
            for (int d = 0; sameShape && d < rank; d++)
                sameShape = part.Dims[d] == first.Dims[d] || (!newAxis && d == a);
            if (part.DataType != first.DataType || !sameShape)
                throw context.Fail($"element {i} of input 0 ('{name}') is {part.DataType.TypeName()}[{string.Join(",", part.Dims)}], which does not match element 0, {first.DataType.TypeName()}[{string.Join(",", first.Dims)}]{(newAxis ? "" : $", outside axis {a}")}");
            lengths[i] = newAxis ? 1 : part.Dims[a];
        }
        long[] dims = newAxis ? [.. first.Dims[..a], parts.Length, .. first.Dims[a..]] : [.. first.Dims];
        if (!newAxis)
            dims[a] = lengths.Sum();
        context.SetOutput(0, OnnxValue.FromTensor(AxisBlocks.Join(parts, lengths, a, dims)));
    }
}
