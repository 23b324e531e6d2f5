using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// ReverseSequence-10 (Operators.md) for every element type: for each batch entry, the first sequence_lens[b] steps
/// along time_axis in reverse order; the steps after them stay where they are.
/// </summary>
internal static class ReverseSequenceKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("ReverseSequence", Create)];

    private static Kernel Create(KernelNode node)
    {
        long batchAxis = node.Attributes.Int("batch_axis", 1), timeAxis = node.Attributes.Int("time_axis", 0);
        if (batchAxis is not (0 or 1) || timeAxis is not (0 or 1) || batchAxis == timeAxis)
            throw node.Fail($"attributes 'batch_axis' ({batchAxis}) and 'time_axis' ({timeAxis}) must be 0 and 1, one each");
        return new DelegateKernel(context =>
        {
            Tensor input = context.Tensor(0);
            if (input.Dims.Length < 2)
                throw context.Fail($"input 0 ('{Name(context, 0)}') has shape {Shape(input.Dims)}; expected rank 2 or more");
            long batch = input.Dims[batchAxis], time = input.Dims[timeAxis];
            long[] lengths = Indices(context, 1);
            if (lengths.Length != batch || context.Tensor(1).Dims.Length != 1)
                throw context.Fail($"input 1 ('{Name(context, 1)}') has shape {Shape(context.Tensor(1).Dims)}; expected [{batch}], one length per batch entry");
            long inner = IndexingOffsets.Product(input.Dims, 2, input.Dims.Length);
            long batchStride = (batchAxis == 0 ? input.Dims[1] : 1) * inner, timeStride = (timeAxis == 0 ? input.Dims[1] : 1) * inner;
            var source = new IndexedSource(input);
            IndexedTarget output = Output(context, input.DataType, input.Dims);
            for (long b = 0; b < batch; b++)
            {
                long length = lengths[b];
                if (length < 0 || length > time)
                    throw context.Fail($"input 1 ('{Name(context, 1)}') holds length {length} for batch entry {b}, outside [0, {time}]");
                for (long t = 0; t < time; t++)
                {
                    long from = t < length ? length - 1 - t : t;
                    output.Copy(source, b * batchStride + from * timeStride, b * batchStride + t * timeStride, inner);
                }
            }
            SetOutput(context, 0, output, input.Dims);
        });
    }
}
