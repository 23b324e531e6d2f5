using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// Element-wise choice between sources of any type: Where (condition ? X : Y with broadcasting) and Trilu (the
/// upper or lower triangle of each matrix, the rest zero).
/// </summary>
internal static class SelectionKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Where", _ => new DelegateKernel(Where)),
        KernelRegistration.All("Trilu", node => Trilu(node.Attributes.Int("upper", 1) != 0)),
    ];

    private static void Where(KernelContext context)
    {
        Tensor condition = context.Tensor(0), x = context.Tensor(1), y = context.Tensor(2);
        if (condition.DataType != DataType.Bool)
            throw context.Fail($"input 0 ('{Name(context, 0)}') is {condition.DataType.TypeName()}; expected bool");
        SameType(context, x, 1, y, 2);
        long[] dims = Broadcasting.Shape(condition.Dims, x.Dims, y.Dims)
            ?? throw context.Fail($"the shapes of inputs 0 {Shape(condition.Dims)}, 1 {Shape(x.Dims)} and 2 {Shape(y.Dims)} do not broadcast");
        IndexedTarget target = Output(context, x.DataType, dims);
        ReadOnlySpan<bool> choose = condition.AsSpan<bool>();
        int[] c = Broadcasting.Offsets(condition.Dims, dims), xs = Broadcasting.Offsets(x.Dims, dims), ys = Broadcasting.Offsets(y.Dims, dims);
        IndexedSource fromX = new(x), fromY = new(y);
        for (int i = 0; i < c.Length; i++)
        {
            if (choose[c[i]])
                target.Copy(fromX, xs[i], i, 1);
            else
                target.Copy(fromY, ys[i], i, 1);
        }
        SetOutput(context, 0, target, dims);
    }

    /// <summary>Keeps element (i, j) of each trailing matrix when j - i ≥ k (upper) or j - i ≤ k (lower).</summary>
    private static Kernel Trilu(bool upper) => new DelegateKernel(context =>
    {
        Tensor input = context.Tensor(0);
        long[] dims = input.Dims;
        if (dims.Length < 2)
            throw context.Fail($"input 0 ('{Name(context, 0)}') has shape {Shape(dims)}; expected rank 2 or more");
        long k = context.HasInput(1) ? TensorInputs.Longs(context, 1) is [long only] ? only : throw context.Fail($"input 1 ('{Name(context, 1)}') must be a scalar") : 0;
        long rows = dims[^2], columns = dims[^1];
        long matrices = IndexingOffsets.Product(dims, 0, dims.Length - 2);
        IndexedTarget target = Output(context, input.DataType, dims);
        var source = new IndexedSource(input);
        for (long m = 0; m < matrices; m++)
        {
            for (long i = 0; i < rows; i++)
            {
                // The kept columns of row i form one run: [i + k, columns) for upper, [0, i + k] for lower.
                long from = upper ? System.Math.Clamp(i + k, 0, columns) : 0;
                long to = upper ? columns : System.Math.Clamp(i + k + 1, 0, columns);
                long row = (m * rows + i) * columns;
                if (to > from)
                    target.Copy(source, row + from, row + from, to - from);
            }
        }
        SetOutput(context, 0, target, dims);
    });
}
