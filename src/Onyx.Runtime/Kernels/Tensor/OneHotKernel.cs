using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// OneHot (Operators.md): a new dim of size depth at 'axis', holding on_value where the index points and off_value
/// elsewhere. Indices and depth may be of any numeric type (reals truncate toward zero); an index outside
/// [-depth, depth - 1] (since version 11; [0, depth - 1] in version 9) gives a row of off_value.
/// </summary>
internal static class OneHotKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("OneHot", Create)];

    private static Kernel Create(KernelNode node)
    {
        long axisAttribute = node.Attributes.Int("axis", -1);
        bool negativeIndices = node.Version >= 11;
        return new DelegateKernel(context =>
        {
            Tensor indexTensor = context.Tensor(0), depthTensor = context.Tensor(1), values = context.Tensor(2);
            if (depthTensor.ElementCount != 1)
                throw context.Fail($"input 1 ('{Name(context, 1)}') has shape {Shape(depthTensor.Dims)}; expected one element, the depth");
            if (values.ElementCount != 2 || values.Dims.Length != 1)
                throw context.Fail($"input 2 ('{Name(context, 2)}') has shape {Shape(values.Dims)}; expected [2], the off and on values");
            long depth = Integers(context, 1, depthTensor)[0];
            if (depth < 0)
                throw context.Fail($"input 1 ('{Name(context, 1)}') gives depth {depth}; it cannot be negative");
            long[] indices = Integers(context, 0, indexTensor);
            int rank = indexTensor.Dims.Length;
            if (axisAttribute < -rank - 1 || axisAttribute > rank)
                throw context.Fail($"attribute 'axis' is {axisAttribute}, outside [{-rank - 1}, {rank}] for input 0 ('{Name(context, 0)}') of rank {rank}");
            int axis = (int)(axisAttribute < 0 ? axisAttribute + rank + 1 : axisAttribute);
            long[] dims = [.. indexTensor.Dims[..axis], depth, .. indexTensor.Dims[axis..]];
            long inner = IndexingOffsets.Product(indexTensor.Dims, axis, rank);
            var source = new IndexedSource(values);
            IndexedTarget output = Output(context, values.DataType, dims);
            long total = indices.Length * depth;
            for (long i = 0; i < total; i++)
                output.Copy(source, 0, i, 1);
            for (long i = 0; i < indices.Length; i++)
            {
                long index = indices[i] < 0 && negativeIndices ? indices[i] + depth : indices[i];
                if (index >= 0 && index < depth)
                    output.Copy(source, 1, (i / inner * depth + index) * inner + i % inner, 1);
            }
            SetOutput(context, 0, output, dims);
        });
    }

    /// <summary>A numeric input's values as int64, reals truncated toward zero as Cast does.</summary>
    private static long[] Integers(KernelContext context, int input, Tensor tensor)
    {
        if (!Conversion.Supports(tensor.DataType) || tensor.DataType == DataType.Bool)
            throw context.Fail($"input {input} ('{Name(context, input)}') is {tensor.DataType.TypeName()}; expected a numeric type");
        var values = new long[tensor.ElementCount];
        Conversion.Convert(tensor.DataType, tensor.RawData.Span, DataType.Int64, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()), values.Length, ConversionOptions.Default);
        return values;
    }
}
