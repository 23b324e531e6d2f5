using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// ArrayFeatureExtractor (Operators-ml.md): selects the elements of X's last axis at the indices Y (any shape, read
/// flattened), giving X's shape with that axis replaced by the index count; a 1-D X is one row, so its output is
/// [1, count], as ONNX Runtime and the reference do. Indices must lie in [0, last dim).
/// </summary>
internal static class ArrayFeatureExtractorKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "ArrayFeatureExtractor", 1, int.MaxValue, _ => new DelegateKernel(Run))];

    private static void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0), y = context.Tensor(1);
        if (x.DataType is not (DataType.Float or DataType.Double or DataType.Int64 or DataType.Int32 or DataType.String))
            throw context.Fail($"input 0 ('{Name(context, 0)}') is {x.DataType.TypeName()}; expected float, double, int64, int32 or string");
        if (y.DataType != DataType.Int64)
            throw context.Fail($"input 1 ('{Name(context, 1)}') is {y.DataType.TypeName()}; expected int64 indices");
        if (x.Dims.Length == 0)
            throw context.Fail($"input 0 ('{Name(context, 0)}') is a scalar; expected rank 1 or more");
        long features = x.Dims[^1];
        ReadOnlySpan<long> indices = y.AsSpan<long>();
        foreach (long index in indices)
        {
            if (index < 0 || index >= features)
                throw context.Fail($"input 1 ('{Name(context, 1)}') holds index {index}, outside [0, {features - 1}] for the last axis of input 0 ('{Name(context, 0)}') of shape {Shape(x.Dims)}");
        }
        long[] dims = x.Dims.Length == 1 ? [1, indices.Length] : [.. x.Dims[..^1], indices.Length];
        long rows = features == 0 ? context.ElementCount(x.Dims[..^1]) : x.ElementCount / features;
        var source = new IndexedSource(x);
        IndexedTarget output = Output(context, x.DataType, dims);
        for (long row = 0; row < rows; row++)
        {
            for (int i = 0; i < indices.Length; i++)
                output.Copy(source, row * features + indices[i], row * indices.Length + i, 1);
        }
        SetOutput(context, 0, output, dims);
    }
}
