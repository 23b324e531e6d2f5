using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>
/// MaxUnpool: a zero tensor of shape (N, C, (Di − 1)·stride + kernel − pads) with each value of X placed at its flat
/// index from I (MaxPool's Indices); an output_shape input enlarges it with zeros at the ends of each axis, as the
/// reference does (the indices still address the unpooled shape).
/// </summary>
internal sealed class MaxUnpoolKernel : Kernel
{
    private readonly WindowAttributes _window;

    private MaxUnpoolKernel(KernelNode node)
    {
        _window = new WindowAttributes(node);
        if (_window.KernelShape is null)
            throw node.Fail("attribute 'kernel_shape' is required");
    }

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("MaxUnpool", node => new MaxUnpoolKernel(node))];

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0), indices = context.Tensor(1);
        if (x.Dims.Length < 3)
            throw context.Fail($"input X has shape [{string.Join(",", x.Dims)}]; expected at least rank 3 (N × C × D1 …)");
        if (!indices.Dims.AsSpan().SequenceEqual(x.Dims) || indices.DataType != DataType.Int64)
            throw context.Fail($"input I has shape [{string.Join(",", indices.Dims)}] of {indices.DataType.TypeName()}; expected int64 indices of X's shape [{string.Join(",", x.Dims)}]");
        long[] inferred = DefaultShape(context, x.Dims);
        long size = context.ElementCount(inferred);
        double[] xs = RealTensors.Read(context, x, "X");
        var y = new double[size];
        ReadOnlySpan<long> at = indices.AsSpan<long>();
        for (int i = 0; i < xs.Length; i++)
        {
            if (at[i] < 0 || at[i] >= size)
                throw context.Fail($"input I has index {at[i]} at position {i}; expected a value in [0, {size}) for the unpooled shape [{string.Join(",", inferred)}]");
            y[at[i]] = xs[i];
        }
        if (context.OptionalTensor(2) is not { } shape)
        {
            RealTensors.Write(context, 0, x.DataType, inferred, y);
            return;
        }
        long[] dims = OutputShape(context, shape, inferred);
        RealTensors.Write(context, 0, x.DataType, dims, Embed(y, inferred, dims));
    }

    /// <summary>The unpooled values at the origin of a zero tensor of the requested, larger shape (the pads fall at the ends).</summary>
    private static double[] Embed(double[] values, long[] inner, long[] outer)
    {
        long total = 1;
        foreach (long d in outer)
            total *= d;
        var result = new double[total];
        var coordinates = new long[inner.Length];
        for (int i = 0; i < values.Length; i++)
        {
            long offset = 0;
            for (int d = 0; d < inner.Length; d++)
                offset = offset * outer[d] + coordinates[d];
            result[offset] = values[i];
            for (int d = inner.Length - 1; d >= 0 && ++coordinates[d] == inner[d]; d--)
                coordinates[d] = 0;
        }
        return result;
    }

    private long[] DefaultShape(KernelContext context, long[] x)
    {
        int rank = x.Length - 2;
        long[] kernel = _window.KernelShape!;
        if (kernel.Length != rank)
            throw context.Fail($"attribute 'kernel_shape' has {kernel.Length} values; expected {rank}");
        (long[] strides, _, long[] pads) = _window.Explicit(context, rank);
        long[] dims = [x[0], x[1], .. new long[rank]];
        for (int i = 0; i < rank; i++)
            dims[2 + i] = (x[2 + i] - 1) * strides[i] + kernel[i] - pads[i] - pads[rank + i];
        return dims;
    }

    private static long[] OutputShape(KernelContext context, Tensor shape, long[] inferred)
    {
        if (shape.DataType != DataType.Int64 || shape.Dims.Length != 1 || shape.Dims[0] != inferred.Length)
            throw context.Fail($"input output_shape has shape [{string.Join(",", shape.Dims)}]; expected {inferred.Length} int64 values, the rank of X");
        long[] dims = shape.AsSpan<long>().ToArray();
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] < inferred[i])
                throw context.Fail($"input output_shape is [{string.Join(",", dims)}]; expected no dim smaller than the unpooled shape [{string.Join(",", inferred)}]");
        }
        return dims;
    }
}
