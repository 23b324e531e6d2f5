using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// TensorScatter-24 (Operators.md), the KV-cache update: a copy of past_cache with update written along the sequence
/// axis from each batch's write index; in circular mode the positions wrap modulo the cache length.
/// </summary>
internal static class TensorScatterKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("TensorScatter", Create)];

    private static Kernel Create(KernelNode node)
    {
        long axisAttribute = node.Attributes.Int("axis", -2);
        bool circular = node.Attributes.String("mode", "linear") switch
        {
            "linear" => false,
            "circular" => true,
            var mode => throw node.Fail($"attribute 'mode' is '{mode}'; expected 'linear' or 'circular'"),
        };
        return new DelegateKernel(context =>
        {
            Tensor past = context.Tensor(0), update = context.Tensor(1);
            SameType(context, past, 0, update, 1);
            int rank = past.Dims.Length;
            int axis = Axis(context, axisAttribute, rank);
            if (axis == 0)
                throw context.Fail("attribute 'axis' names dim 0, the batch dim; the sequence axis must be another");
            bool compatible = update.Dims.Length == rank;
            for (int d = 0; compatible && d < rank; d++)
                compatible = d == axis ? update.Dims[d] <= past.Dims[d] : update.Dims[d] == past.Dims[d];
            if (!compatible)
                throw context.Fail($"input 1 ('{Name(context, 1)}') has shape {Shape(update.Dims)}; expected that of input 0 ('{Name(context, 0)}'), {Shape(past.Dims)}, with at most as many along axis {axis}");
            long batch = past.Dims[0], capacity = past.Dims[axis], length = update.Dims[axis];
            long[] writes = context.HasInput(2) ? Indices(context, 2) : new long[batch];
            if (writes.Length != batch)
                throw context.Fail($"input 2 ('{Name(context, 2)}') holds {writes.Length} write indices; expected one per batch, {batch}");
            for (int b = 0; b < batch && !circular; b++)
            {
                if (writes[b] < 0 || writes[b] + length > capacity)
                    throw context.Fail($"input 2 ('{Name(context, 2)}') holds write index {writes[b]}; in linear mode it must lie in [0, {capacity - length}]");
            }

            IndexedTarget output = Output(context, past.DataType, past.Dims);
            output.Copy(new IndexedSource(past), 0, 0, past.ElementCount);
            var source = new IndexedSource(update);
            long prefixes = IndexingOffsets.Product(past.Dims, 0, axis), perBatch = prefixes / System.Math.Max(1, batch);
            long inner = IndexingOffsets.Product(past.Dims, axis + 1, rank);
            for (long p = 0; p < prefixes; p++)
            {
                long start = writes[p / perBatch];
                for (long s = 0; s < length; s++)
                {
                    long position = circular ? ((start + s) % capacity + capacity) % capacity : start + s;
                    output.Copy(source, (p * length + s) * inner, (p * capacity + position) * inner, inner);
                }
            }
            SetOutput(context, 0, output, past.Dims);
        });
    }
}
