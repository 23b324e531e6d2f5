using System.Numerics;
using System.Runtime.InteropServices;
using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Reduce;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>
/// MatMul (numpy matmul: batch dims broadcast, a 1-D operand promoted to a matrix and its dim removed again),
/// MatMulInteger (int32 products of 8-bit operands less their zero points) and Gemm (alpha·A'·B' + beta·C).
/// </summary>
internal static class MatrixKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("MatMul", _ => new MatMulKernel()),
        KernelRegistration.All("MatMulInteger", _ => new DelegateKernel(RunMatMulInteger)),
        KernelRegistration.All("Gemm", node => new GemmKernel(node)),
    ];

    /// <summary>The geometry of a batched product of A and B of the given dims: per output matrix, which A and B matrices feed it.</summary>
    internal sealed record BatchedProduct(long[] ADims, long[] BDims, long[] OutputDims, int M, int K, int N, int[] ABatch, int[] BBatch)
    {
        /// <summary>True when this is the plan for A and B of <paramref name="aDims"/> and <paramref name="bDims"/>.</summary>
        public bool Fits(long[] aDims, long[] bDims) => ADims.AsSpan().SequenceEqual(aDims) && BDims.AsSpan().SequenceEqual(bDims);
    }

    internal static BatchedProduct Plan(KernelContext context, long[] aDims, long[] bDims, string aName, string bName)
    {
        if (aDims.Length == 0 || bDims.Length == 0)
            throw context.Fail($"inputs '{aName}' and '{bName}' must have rank 1 or more, found [{string.Join(",", aDims)}] and [{string.Join(",", bDims)}]");
        bool aVector = aDims.Length == 1, bVector = bDims.Length == 1;
        long m = aVector ? 1 : aDims[^2], k = aDims[^1];
        long bk = bVector ? bDims[0] : bDims[^2], n = bVector ? 1 : bDims[^1];
        if (k != bk)
            throw context.Fail($"the inner dims of '{aName}' [{string.Join(",", aDims)}] and '{bName}' [{string.Join(",", bDims)}] differ ({k} and {bk})");
        long[] aBatch = aVector ? [] : aDims[..^2], bBatch = bVector ? [] : bDims[..^2];
        long[] batch = Broadcasting.Shape(aBatch, bBatch)
            ?? throw context.Fail($"the batch dims of '{aName}' [{string.Join(",", aDims)}] and '{bName}' [{string.Join(",", bDims)}] cannot be broadcast");
        var output = new List<long>(batch);
        if (!aVector)
            output.Add(m);
        if (!bVector)
            output.Add(n);
        long[] outputDims = [.. output];
        context.ElementCount(outputDims);
        return new BatchedProduct([.. aDims], [.. bDims], outputDims, (int)m, (int)k, (int)n, Broadcasting.Offsets(aBatch, batch), Broadcasting.Offsets(bBatch, batch));
    }

    /// <summary>y = the batched product; float goes to <see cref="Sgemm"/>, other types to the generic loop (y zeroed).</summary>
    internal static void Multiply<T>(BatchedProduct plan, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y, int threads = 1) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float))
        {
            MultiplySingle(plan, MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(b), MemoryMarshal.Cast<T, float>(y), threads);
            return;
        }
        int aSize = plan.M * plan.K, bSize = plan.K * plan.N, ySize = plan.M * plan.N;
        for (int i = 0; i < plan.ABatch.Length; i++)
        {
            MatrixMultiply.Accumulate(a.Slice(plan.ABatch[i] * aSize, aSize), plan.K, 1, b.Slice(plan.BBatch[i] * bSize, bSize),
                y.Slice(i * ySize, ySize), plan.M, plan.K, plan.N);
        }
    }

    private static void MultiplySingle(BatchedProduct plan, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y, int threads)
    {
        int batches = plan.ABatch.Length, aSize = plan.M * plan.K, bSize = plan.K * plan.N, ySize = plan.M * plan.N;
        if (batches > 1 && y.Length > 0 && SharesOneB(plan))
        {
            // Every A matrix in order against one B: one product with the A matrices stacked as rows.
            Sgemm.Multiply(false, false, batches * plan.M, plan.N, plan.K, 1, a[..(batches * aSize)], plan.K, b.Slice(plan.BBatch[0] * bSize, bSize),
                plan.N, 0, y, plan.N, threads);
            return;
        }
        for (int i = 0; i < batches; i++)
        {
            Sgemm.Multiply(false, false, plan.M, plan.N, plan.K, 1, a.Slice(plan.ABatch[i] * aSize, aSize), plan.K,
                b.Slice(plan.BBatch[i] * bSize, bSize), plan.N, 0, y.Slice(i * ySize, ySize), plan.N, threads);
        }
    }

    private static bool SharesOneB(BatchedProduct plan)
    {
        for (int i = 0; i < plan.ABatch.Length; i++)
        {
            if (plan.ABatch[i] != i || plan.BBatch[i] != plan.BBatch[0])
                return false;
        }
        return true;
    }

    /// <summary>MatMul; the plan of the last shapes is kept (one immutable plan swapped whole, so concurrent runs share it safely).</summary>
    private sealed class MatMulKernel : Kernel
    {
        private BatchedProduct? _last;

        public override void Run(KernelContext context)
        {
            Tensor a = context.Tensor(0), b = context.Tensor(1);
            if (a.DataType != b.DataType)
                throw context.Fail($"inputs 'A' and 'B' have different element types, {a.DataType.TypeName()} and {b.DataType.TypeName()}");
            BatchedProduct? plan = Volatile.Read(ref _last);
            if (plan is null || !plan.Fits(a.Dims, b.Dims))
            {
                plan = Plan(context, a.Dims, b.Dims, "A", "B");
                Volatile.Write(ref _last, plan);
            }
            ComputeElements.Dispatch(context, a.DataType, new MatMulBody(a, b, plan));
        }
    }

    private readonly struct MatMulBody(Tensor a, Tensor b, BatchedProduct plan) : IElementBody
    {
        public void Run<T>(KernelContext context) where T : unmanaged, INumber<T>
        {
            Span<T> y = ComputeElements.Output<T>(context, 0, a.DataType, plan.OutputDims);
            Multiply(plan, ComputeElements.Read<T>(a), ComputeElements.Read<T>(b), y, context.Node.Threads);
            ComputeElements.Store<T>(context, 0, a.DataType, plan.OutputDims, y);
        }
    }

    private static void RunMatMulInteger(KernelContext context)
    {
        Tensor a = context.Tensor(0), b = context.Tensor(1);
        BatchedProduct plan = Plan(context, a.Dims, b.Dims, "A", "B");
        int[] a32 = LessZeroPoint(context, a, context.OptionalTensor(2), "A", "a_zero_point", rowWise: true);
        int[] b32 = LessZeroPoint(context, b, context.OptionalTensor(3), "B", "b_zero_point", rowWise: false);
        Multiply<int>(plan, a32, b32, context.Output<int>(0, DataType.Int32, plan.OutputDims));
    }

    /// <summary>
    /// The 8-bit input widened to int32 less its zero point: a scalar (per tensor) or, per the spec, one value per
    /// row of A ([M] or [..., M, 1]) or per column of B ([N] or [..., 1, N]), broadcast over the input.
    /// </summary>
    private static int[] LessZeroPoint(KernelContext context, Tensor input, Tensor? zeroPoint, string name, string zeroName, bool rowWise)
    {
        int[] values = Widen(context, input, name);
        if (zeroPoint is null)
            return values;
        if (zeroPoint.DataType != input.DataType)
            throw context.Fail($"input '{zeroName}' is {zeroPoint.DataType.TypeName()} but '{name}' is {input.DataType.TypeName()}");
        int[] zero = Widen(context, zeroPoint, zeroName);
        long[] zeroDims = rowWise && zeroPoint.Dims.Length == 1 && input.Dims.Length >= 2 ? [zeroPoint.Dims[0], 1] : zeroPoint.Dims;
        long[]? shape = Broadcasting.Shape(input.Dims, zeroDims);
        if (shape is null || !shape.AsSpan().SequenceEqual(input.Dims))
            throw context.Fail($"input '{zeroName}' of shape [{string.Join(",", zeroPoint.Dims)}] does not fit '{name}' of shape [{string.Join(",", input.Dims)}]");
        int[] offsets = Broadcasting.Offsets(zeroDims, input.Dims);
        for (int i = 0; i < values.Length; i++)
            values[i] -= zero[offsets[i]];
        return values;
    }

    private static int[] Widen(KernelContext context, Tensor tensor, string name)
    {
        var result = new int[tensor.ElementCount];
        switch (tensor.DataType)
        {
            case DataType.Int8:
                ReadOnlySpan<sbyte> signed = tensor.AsSpan<sbyte>();
                for (int i = 0; i < result.Length; i++)
                    result[i] = signed[i];
                break;
            case DataType.UInt8:
                ReadOnlySpan<byte> unsigned = tensor.AsSpan<byte>();
                for (int i = 0; i < result.Length; i++)
                    result[i] = unsigned[i];
                break;
            default:
                throw context.Fail($"input '{name}' must be int8 or uint8, found {tensor.DataType.TypeName()}");
        }
        return result;
    }

    /// <summary>
    /// Gemm: A (M×K, or K×M with transA) times B (K×N, or N×K with transB), scaled, plus beta·C broadcast to M×N. In
    /// float, beta 0 skips C (as BLAS and ONNX Runtime do), so NaN or infinity there does not reach Y.
    /// </summary>
    private sealed class GemmKernel : Kernel
    {
        private readonly float _alpha;
        private readonly float _beta;
        private readonly bool _transA;
        private readonly bool _transB;

        public GemmKernel(KernelNode node)
        {
            _alpha = node.Attributes.Float("alpha", 1);
            _beta = node.Attributes.Float("beta", 1);
            _transA = node.Attributes.Int("transA", 0) != 0;
            _transB = node.Attributes.Int("transB", 0) != 0;
        }

        public override void Run(KernelContext context)
        {
            Tensor a = context.Tensor(0), b = context.Tensor(1);
            Tensor? c = context.OptionalTensor(2);
            if (a.Dims.Length != 2 || b.Dims.Length != 2)
                throw context.Fail($"inputs 'A' and 'B' must be matrices, found [{string.Join(",", a.Dims)}] and [{string.Join(",", b.Dims)}]");
            if (a.DataType != b.DataType || (c is not null && c.DataType != a.DataType))
                throw context.Fail($"inputs 'A', 'B' and 'C' must have one element type, found {a.DataType.TypeName()}, {b.DataType.TypeName()} and {c?.DataType.TypeName()}");
            long m = _transA ? a.Dims[1] : a.Dims[0], k = _transA ? a.Dims[0] : a.Dims[1];
            long bk = _transB ? b.Dims[1] : b.Dims[0], n = _transB ? b.Dims[0] : b.Dims[1];
            if (k != bk)
                throw context.Fail($"the inner dims of 'A' [{string.Join(",", a.Dims)}] (transA={(_transA ? 1 : 0)}) and 'B' [{string.Join(",", b.Dims)}] (transB={(_transB ? 1 : 0)}) differ ({k} and {bk})");
            if (c is not null && !BroadcastsTo(c.Dims, m, n))
                throw context.Fail($"input 'C' of shape [{string.Join(",", c.Dims)}] cannot be broadcast to [{m},{n}]");
            ComputeElements.Dispatch(context, a.DataType, new Body(this, a, b, c, (int)m, (int)k, (int)n));
        }

        /// <summary>True when C of <paramref name="cDims"/> broadcasts unidirectionally to [m, n].</summary>
        private static bool BroadcastsTo(long[] cDims, long m, long n) =>
            cDims.Length <= 2 && (cDims.Length < 1 || cDims[^1] == 1 || cDims[^1] == n) && (cDims.Length < 2 || cDims[0] == 1 || cDims[0] == m);

        /// <summary>C's stride between rows and between columns of Y (0 along an axis it repeats on).</summary>
        private static (int Row, int Column) Strides(long[] cDims) =>
            (cDims.Length == 2 && cDims[0] != 1 ? (int)cDims[1] : 0, cDims.Length >= 1 && cDims[^1] != 1 ? 1 : 0);

        private readonly struct Body(GemmKernel kernel, Tensor a, Tensor b, Tensor? c, int m, int k, int n) : IElementBody
        {
            public void Run<T>(KernelContext context) where T : unmanaged, INumber<T>
            {
                ReadOnlySpan<long> dims = [m, n];
                Span<T> y = ComputeElements.Output<T>(context, 0, a.DataType, dims);
                if (typeof(T) == typeof(float))
                    RunSingle(MemoryMarshal.Cast<T, float>(y), context.Node.Threads);
                else
                    RunGeneric(y);
                ComputeElements.Store<T>(context, 0, a.DataType, dims, y);
            }

            private void RunSingle(Span<float> y, int threads)
            {
                float beta = 0;
                if (c is not null && kernel._beta != 0)
                {
                    ReadOnlySpan<float> cValues = ComputeElements.Read<float>(c);
                    (int rowStride, int columnStride) = Strides(c.Dims);
                    for (int i = 0; i < m; i++)
                    {
                        Span<float> row = y.Slice(i * n, n);
                        if (columnStride == 1)
                            cValues.Slice(i * rowStride, n).CopyTo(row);
                        else
                            row.Fill(cValues[i * rowStride]);
                    }
                    beta = kernel._beta;
                }
                Sgemm.Multiply(kernel._transA, kernel._transB, m, n, k, kernel._alpha, ComputeElements.Read<float>(a), kernel._transA ? m : k,
                    ComputeElements.Read<float>(b), kernel._transB ? k : n, beta, y, n, threads);
            }

            private void RunGeneric<T>(Span<T> y) where T : unmanaged, INumber<T>
            {
                ReadOnlySpan<T> bRows = kernel._transB ? MatrixMultiply.Transpose(ComputeElements.Read<T>(b), n, k) : ComputeElements.Read<T>(b);
                MatrixMultiply.Accumulate(ComputeElements.Read<T>(a), kernel._transA ? 1 : k, kernel._transA ? m : 1, bRows, y, m, k, n);
                T alpha = T.CreateSaturating(kernel._alpha), beta = T.CreateSaturating(kernel._beta);
                if (alpha != T.One)
                {
                    for (int i = 0; i < y.Length; i++)
                        y[i] *= alpha;
                }
                if (c is not null)
                {
                    ReadOnlySpan<T> cValues = ComputeElements.Read<T>(c);
                    (int rowStride, int columnStride) = Strides(c.Dims);
                    for (int i = 0; i < m; i++)
                    {
                        for (int j = 0; j < n; j++)
                            y[i * n + j] += beta * cValues[i * rowStride + j * columnStride];
                    }
                }
            }
        }
    }
}
