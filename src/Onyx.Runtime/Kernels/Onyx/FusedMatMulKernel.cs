using System.Numerics.Tensors;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.OnyxDomain;

/// <summary>
/// FusedMatMul (ai.onyx): Y = activation(A·B + bias) for float A [..., M, K], B [K, N], bias [N]. Every row of A is one
/// row of one product on <see cref="Sgemm"/>; the bias and the activation follow per output row.
/// </summary>
internal static class FusedMatMulKernel
{
    public static Kernel Create(KernelNode node)
    {
        FusedActivationFunction activation = FusedActivationFunction.Of(node);
        return new DelegateKernel(context => Run(context, activation));
    }

    private static void Run(KernelContext context, FusedActivationFunction activation)
    {
        Tensor a = context.Tensor(0), b = context.Tensor(1);
        Tensor? bias = context.OptionalTensor(2);
        if (a.DataType != DataType.Float || b.DataType != DataType.Float || (bias is not null && bias.DataType != DataType.Float))
            throw context.Fail("inputs A, B and bias must be float tensors");
        if (a.Dims.Length < 2 || b.Dims.Length != 2)
            throw context.Fail($"inputs A [{string.Join(",", a.Dims)}] and B [{string.Join(",", b.Dims)}] must be [..., M, K] and [K, N]");
        if (a.Dims[^1] != b.Dims[0])
            throw context.Fail($"the inner dims of A [{string.Join(",", a.Dims)}] and B [{string.Join(",", b.Dims)}] differ ({a.Dims[^1]} and {b.Dims[0]})");
        int k = (int)b.Dims[0], n = (int)b.Dims[1];
        if (bias is not null && (bias.Dims.Length != 1 || bias.Dims[0] != n))
            throw context.Fail($"input bias has shape [{string.Join(",", bias.Dims)}]; expected [{n}]");
        long[] dims = [.. a.Dims[..^1], n];
        Span<float> y = context.Output<float>(0, DataType.Float, dims);
        if (y.IsEmpty)
            return;
        int rows = y.Length / n;
        if (k > 0)
            Sgemm.Multiply(false, false, rows, n, k, 1, a.AsSpan<float>(), k, b.AsSpan<float>(), n, 0, y, n, context.Node.Threads);
        ReadOnlySpan<float> bs = bias is null ? default : bias.AsSpan<float>();
        for (int row = 0; row < rows; row++)
        {
            Span<float> values = y.Slice(row * n, n);
            if (!bs.IsEmpty)
                TensorPrimitives.Add(values, bs, values);
            activation.Apply(values);
        }
    }
}
