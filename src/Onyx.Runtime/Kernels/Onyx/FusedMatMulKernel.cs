using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.OnyxDomain;

/// <summary>
/// FusedMatMul (ai.onyx): Y = activation(A·B + bias) for float A [..., M, K], B [K, N], bias [N]: every row of A is
/// one row of one <see cref="Sgemm"/> product, which adds the bias and applies a Relu or Clip as it stores; other
/// activations follow in place. A constant B is packed once when the kernel is built, unless inference shows A to
/// be a single row (a decode step), which reads B as it is.
/// </summary>
internal sealed unsafe class FusedMatMulKernel : Kernel
{
    private readonly FusedActivationFunction _activation;
    private readonly Tensor? _constantB;
    private readonly SgemmPackedMatrix? _packedB;

    private FusedMatMulKernel(KernelNode node)
    {
        _activation = FusedActivationFunction.Of(node);
        if (node.ConstantInput(1) is { DataType: DataType.Float, Dims: [> 0 and <= int.MaxValue, > 0 and <= int.MaxValue] } b && !IsSingleRow(node.InputTypes[0])
            && b.Dims[0] * b.Dims[1] <= int.MaxValue)
        {
            _constantB = b;
            _packedB = SgemmPackedMatrix.B(Sgemm.Best, b.AsSpan<float>(), (int)b.Dims[0], (int)b.Dims[1], (int)b.Dims[1], transB: false);
        }
    }

    public static Kernel Create(KernelNode node) => new FusedMatMulKernel(node);

    /// <summary>Whether inference knows A to hold one row in all ([..., 1, K] with every leading dim 1).</summary>
    private static bool IsSingleRow(TypeInfo? a)
    {
        if (a is not TensorTypeInfo { Shape: { Rank: >= 2 } shape })
            return false;
        for (int i = 0; i < shape.Rank - 1; i++)
        {
            if (shape.Dims[i].Value is not 1)
                return false;
        }
        return true;
    }

    public override void Run(KernelContext context)
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
        Span<long> dims = stackalloc long[a.Dims.Length];
        a.Dims.AsSpan(0, a.Dims.Length - 1).CopyTo(dims);
        dims[^1] = n;
        Span<float> y = context.OutputToOverwrite<float>(0, DataType.Float, dims);
        if (y.IsEmpty)
            return;
        int rows = y.Length / n;
        // A clamp is applied as C is stored; any other activation to each row as its part of the product finishes.
        FusedActivationFunction activation = _activation;
        (float Min, float Max)? clamp = activation.Clamp;
        (float min, float max) = clamp ?? (float.NegativeInfinity, float.PositiveInfinity);
        bool rowWise = clamp is null;
        fixed (float* ap = a.AsSpan<float>(), bp = b.AsSpan<float>(), biasp = bias is null ? default : bias.AsSpan<float>(), yp = y)
        {
            SgemmB operand = ReferenceEquals(b, _constantB) ? SgemmB.Prepacked(_packedB!, bp, n, false) : SgemmB.Matrix(bp, n, false);
            var epilogue = new SgemmEpilogue(null, biasp, null, 0, min, max,
                rowWise ? &FusedActivationFunction.ApplyToRow : null, rowWise ? &activation : null);
            Sgemm.Multiply(Sgemm.Best, SgemmA.Matrix(ap, k, false), operand, rows, n, k, 1, 0, yp, n, epilogue, context.Node.Threads);
        }
    }
}
