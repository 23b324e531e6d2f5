using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Compute;

/// <summary>A float operation of two operands on whole rows: both rows, or one side a single value.</summary>
internal interface IFloatRowOperator
{
    static abstract void Rows(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z);

    static abstract void RowScalar(ReadOnlySpan<float> a, float b, Span<float> z);

    static abstract void ScalarRow(float a, ReadOnlySpan<float> b, Span<float> z);
}

/// <summary>
/// Numpy-style broadcasting of two float tensors by rows: the trailing axes on which each operand is either read
/// contiguously or repeated form one row, and the operator runs once per row on spans, so a bias along the last axis,
/// a per-channel factor or a scalar cost one vectorised call per row instead of an offset per element.
/// </summary>
internal static class FloatBroadcast
{
    /// <summary>
    /// <typeparamref name="TOp"/> of float tensors A and B (B broadcast as <paramref name="bDims"/>): output 0 of
    /// <paramref name="context"/> with <paramref name="toOutput"/>, else a new tensor.
    /// </summary>
    public static Tensor Zip<TOp>(KernelContext context, Tensor a, Tensor b, IReadOnlyList<long> bDims, bool toOutput = false) where TOp : IFloatRowOperator
    {
        int rank = ElementwiseLoops.BroadcastRank(a, bDims);
        Span<long> dims = rank <= 32 ? stackalloc long[rank] : new long[rank];
        ElementwiseLoops.BroadcastShape(context, a, b, bDims, dims);
        Tensor result = ElementwiseLoops.Allocate<float>(dims, out Span<float> z, toOutput ? context : null);
        Zip<TOp>(a.AsSpan<float>(), a.Dims, b.AsSpan<float>(), bDims, dims, z);
        return result;
    }

    /// <summary>Writes <typeparamref name="TOp"/> of <paramref name="x"/> and <paramref name="y"/> broadcast to <paramref name="dims"/> into <paramref name="z"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Zip<TOp>(ReadOnlySpan<float> x, IReadOnlyList<long> xDims, ReadOnlySpan<float> y, IReadOnlyList<long> yDims, ReadOnlySpan<long> dims, Span<float> z)
        where TOp : IFloatRowOperator
    {
        if (z.IsEmpty)
            return;
        if (x.Length == z.Length && y.Length == z.Length)
        {
            TOp.Rows(x, y, z);
            return;
        }
        if (y.Length == 1 && x.Length == z.Length)
        {
            TOp.RowScalar(x, y[0], z);
            return;
        }
        if (x.Length == 1 && y.Length == z.Length)
        {
            TOp.ScalarRow(x[0], y, z);
            return;
        }
        int rank = dims.Length;
        Span<long> xStrides = stackalloc long[rank], yStrides = stackalloc long[rank], index = stackalloc long[rank];
        index.Clear();
        Broadcasting.Strides(xDims, dims, xStrides);
        Broadcasting.Strides(yDims, dims, yStrides);
        // The row: the trailing axes (size-1 axes aside) on which each operand is either contiguous or repeated alike.
        int axis = rank;
        bool xRow = false, yRow = false, patterned = false;
        long length = 1;
        for (; axis > 0; axis--)
        {
            long d = dims[axis - 1];
            if (d == 1)
                continue;
            bool xFull = xStrides[axis - 1] != 0, yFull = yStrides[axis - 1] != 0;
            if (!patterned)
                (xRow, yRow, patterned) = (xFull, yFull, true);
            else if (xFull != xRow || yFull != yRow)
                break;
            length *= d;
        }
        int n = (int)length;
        long xOffset = 0, yOffset = 0;
        for (int start = 0; start < z.Length; start += n)
        {
            Span<float> row = z.Slice(start, n);
            if (xRow && yRow)
                TOp.Rows(x.Slice((int)xOffset, n), y.Slice((int)yOffset, n), row);
            else if (xRow)
                TOp.RowScalar(x.Slice((int)xOffset, n), y[(int)yOffset], row);
            else
                TOp.ScalarRow(x[(int)xOffset], y.Slice((int)yOffset, n), row);
            Broadcasting.Advance(index, dims, axis, xStrides, yStrides, ref xOffset, ref yOffset);
        }
    }
}

/// <summary>a + b on float rows.</summary>
internal readonly struct FloatAdd : IFloatRowOperator
{
    public static void Rows(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z) => TensorPrimitives.Add(a, b, z);

    public static void RowScalar(ReadOnlySpan<float> a, float b, Span<float> z) => TensorPrimitives.Add(a, b, z);

    public static void ScalarRow(float a, ReadOnlySpan<float> b, Span<float> z) => TensorPrimitives.Add(b, a, z);
}

/// <summary>a − b on float rows.</summary>
internal readonly struct FloatSubtract : IFloatRowOperator
{
    public static void Rows(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z) => TensorPrimitives.Subtract(a, b, z);

    public static void RowScalar(ReadOnlySpan<float> a, float b, Span<float> z) => TensorPrimitives.Subtract(a, b, z);

    public static void ScalarRow(float a, ReadOnlySpan<float> b, Span<float> z) => TensorPrimitives.Subtract(a, b, z);
}

/// <summary>a · b on float rows.</summary>
internal readonly struct FloatMultiply : IFloatRowOperator
{
    public static void Rows(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z) => TensorPrimitives.Multiply(a, b, z);

    public static void RowScalar(ReadOnlySpan<float> a, float b, Span<float> z) => TensorPrimitives.Multiply(a, b, z);

    public static void ScalarRow(float a, ReadOnlySpan<float> b, Span<float> z) => TensorPrimitives.Multiply(b, a, z);
}

/// <summary>a / b on float rows.</summary>
internal readonly struct FloatDivide : IFloatRowOperator
{
    public static void Rows(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z) => TensorPrimitives.Divide(a, b, z);

    public static void RowScalar(ReadOnlySpan<float> a, float b, Span<float> z) => TensorPrimitives.Divide(a, b, z);

    public static void ScalarRow(float a, ReadOnlySpan<float> b, Span<float> z) => TensorPrimitives.Divide(a, b, z);
}
