using static Onyx.Runtime.Kernels.Tensors.GatherInputs;
using static Onyx.Runtime.Kernels.Tensors.TensorInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// The operators that keep a tensor's elements in order and change only its dims (Reshape, Flatten, Squeeze,
/// Unsqueeze) or nothing at all (Identity): they share the input's data instead of copying it.
/// </summary>
internal static class ViewKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        // Identity passes any value through: tensors, and from v14/v16 sequences and optionals.
        KernelRegistration.All("Identity", _ => new DelegateKernel(c => c.SetOutput(0, c.Input(0) ?? throw c.Fail("input 0 is required but absent")))),
        KernelRegistration.All("Reshape", CreateReshape),
        KernelRegistration.All("Flatten", CreateFlatten),
        KernelRegistration.All("Squeeze", node => Squeeze(node.Attributes.Ints("axes"))),
        KernelRegistration.All("Unsqueeze", node => Unsqueeze(node.Attributes.Ints("axes"))),
    ];

    private static Kernel CreateReshape(KernelNode node)
    {
        long[]? shapeAttribute = node.Version < 5 ? [.. node.Attributes.Ints("shape") ?? throw node.Fail("attribute 'shape' is required")] : null;
        bool allowZero = node.Attributes.Int("allowzero", 0) != 0;
        return new DelegateKernel(context =>
        {
            Tensor data = context.Tensor(0);
            ReadOnlySpan<long> shape = shapeAttribute ?? LongSpan(context, 1);
            Span<long> dims = shape.Length <= MaxStackRank ? stackalloc long[shape.Length] : new long[shape.Length];
            ReshapeDims(context, data.Dims, shape, allowZero, dims);
            context.SetView(0, data, dims);
        });
    }

    // Dims lists up to this long live on the stack.
    private const int MaxStackRank = 32;

    /// <summary>Reshape's rule: 0 copies the input's dim at that index (unless allowzero), one -1 takes what remains.</summary>
    private static void ReshapeDims(KernelContext context, long[] input, ReadOnlySpan<long> shape, bool allowZero, Span<long> dims)
    {
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            long d = shape[i];
            if (d == -1)
            {
                if (inferred >= 0)
                    throw context.Fail($"input 1 ('{Name(context, 1)}') {Shape(shape.ToArray())} has more than one -1");
                inferred = i;
                continue;
            }
            if (d == 0 && !allowZero)
                d = i < input.Length ? input[i] : throw context.Fail($"input 1 ('{Name(context, 1)}') {Shape(shape.ToArray())} copies dim {i} with 0, but input 0 has rank {input.Length}");
            if (d < 0)
                throw context.Fail($"input 1 ('{Name(context, 1)}') {Shape(shape.ToArray())} holds {d}; dims must be -1, 0 or positive");
            dims[i] = d;
            known = d == 0 ? 0 : known > long.MaxValue / d ? throw context.Fail($"input 1 ('{Name(context, 1)}') {Shape(shape.ToArray())} has more elements than a tensor can hold") : known * d;
        }
        long count = context.ElementCount(input);
        if (inferred >= 0)
        {
            if (known == 0 || count % known != 0)
                throw context.Fail($"input 1 ('{Name(context, 1)}') {Shape(shape.ToArray())} cannot reshape input 0 {Shape(input)} of {count} elements");
            dims[inferred] = count / known;
        }
        else if (known != count)
        {
            throw context.Fail($"input 1 ('{Name(context, 1)}') {Shape(shape.ToArray())} holds {known} elements, but input 0 {Shape(input)} has {count}");
        }
    }

    private static Kernel CreateFlatten(KernelNode node)
    {
        long axisAttribute = node.Attributes.Int("axis", 1);
        return new DelegateKernel(context =>
        {
            Tensor input = context.Tensor(0);
            int rank = input.Dims.Length;
            // Axis may equal the rank (everything in the first dim); negative axes count from the end since v11.
            if (axisAttribute < -rank || axisAttribute > rank)
                throw context.Fail($"attribute 'axis' is {axisAttribute}, outside [{-rank}, {rank}] for input 0 ('{Name(context, 0)}') of rank {rank}");
            int axis = (int)(axisAttribute < 0 ? axisAttribute + rank : axisAttribute);
            Span<long> dims = [Compute.IndexingOffsets.Product(input.Dims, 0, axis), Compute.IndexingOffsets.Product(input.Dims, axis, rank)];
            context.SetView(0, input, dims);
        });
    }

    private static Kernel Squeeze(IReadOnlyList<long>? axesAttribute)
    {
        long[]? attribute = axesAttribute is null ? null : [.. axesAttribute];
        return new DelegateKernel(context =>
        {
            Tensor input = context.Tensor(0);
            long[] dims = input.Dims;
            bool given = context.HasInput(1) || attribute is not null;
            ReadOnlySpan<long> axes = context.HasInput(1) ? LongSpan(context, 1) : attribute;
            CheckAxes(context, axes, dims.Length, "the axes to squeeze");
            int rank = 0;
            Span<long> squeezed = dims.Length <= MaxStackRank ? stackalloc long[dims.Length] : new long[dims.Length];
            for (int i = 0; i < dims.Length; i++)
            {
                bool named = given ? NamesAxis(axes, i, dims.Length) : dims[i] == 1;
                if (named && dims[i] != 1)
                    throw context.Fail($"cannot squeeze axis {i} of input 0 ('{Name(context, 0)}') {Shape(dims)}: its dim is {dims[i]}, not 1");
                if (!named)
                    squeezed[rank++] = dims[i];
            }
            context.SetView(0, input, squeezed[..rank]);
        });
    }

    private static Kernel Unsqueeze(IReadOnlyList<long>? axesAttribute)
    {
        long[]? attribute = axesAttribute is null ? null : [.. axesAttribute];
        return new DelegateKernel(context =>
        {
            Tensor input = context.Tensor(0);
            if (!context.HasInput(1) && attribute is null)
                throw context.Fail("the axes to insert are required");
            ReadOnlySpan<long> axes = context.HasInput(1) ? LongSpan(context, 1) : attribute;
            int rank = input.Dims.Length + axes.Length;
            CheckAxes(context, axes, rank, "the axes to insert");
            Span<long> dims = rank <= MaxStackRank ? stackalloc long[rank] : new long[rank];
            int next = 0;
            for (int i = 0; i < rank; i++)
                dims[i] = NamesAxis(axes, i, rank) ? 1 : input.Dims[next++];
            context.SetView(0, input, dims);
        });
    }
}
