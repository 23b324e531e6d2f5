using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>The windowed pools (MaxPool, AveragePool, LpPool) and the global pools over every spatial axis.</summary>
internal static class PoolKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("MaxPool", node => new PoolKernel(node, Pooling.Max)),
        KernelRegistration.All("AveragePool", node => new PoolKernel(node, Pooling.Average)),
        KernelRegistration.All("LpPool", node => new PoolKernel(node, Pooling.Lp)),
        KernelRegistration.All("GlobalMaxPool", _ => new GlobalPoolKernel(Pooling.Max, 0)),
        KernelRegistration.All("GlobalAveragePool", _ => new GlobalPoolKernel(Pooling.Average, 0)),
        KernelRegistration.All("GlobalLpPool", node => new GlobalPoolKernel(Pooling.Lp, LpOrder(node))),
    ];

    private enum Pooling { Max, Average, Lp }

    /// <summary>LpPool's p: a float in version 1, an int from version 2; 2 by default.</summary>
    private static double LpOrder(KernelNode node)
    {
        double p = node.Attributes.Find("p") is { Type: AttributeType.Float } f ? f.Float : node.Attributes.Int("p", 2);
        return p > 0 ? p : throw node.Fail($"attribute 'p' is {p}; expected a positive number");
    }

    /// <summary>Reduces one window's values (the kernel positions inside the input) as the pool does.</summary>
    private static double Reduce(Pooling pooling, double p, ReadOnlySpan<double> channel, ReadOnlySpan<int> offsets, int divisor, out int argmax)
    {
        argmax = -1;
        double result = pooling == Pooling.Max ? double.NegativeInfinity : 0;
        int count = 0;
        foreach (int offset in offsets)
        {
            if (offset < 0)
                continue;
            double v = channel[offset];
            count++;
            switch (pooling)
            {
                case Pooling.Max:
                    if (v > result || argmax < 0)
                    {
                        result = v;
                        argmax = offset;
                    }
                    break;
                case Pooling.Average: result += v; break;
                default: result += System.Math.Pow(System.Math.Abs(v), p); break;
            }
        }
        return pooling switch
        {
            Pooling.Average => result / (divisor > 0 ? divisor : count),
            Pooling.Lp => System.Math.Pow(result, 1 / p),
            _ => result,
        };
    }

    private static void CheckInput(KernelContext context, Tensor x, int minimumRank)
    {
        if (x.Dims.Length < minimumRank)
            throw context.Fail($"input X has shape [{string.Join(",", x.Dims)}]; expected at least rank {minimumRank} (N × C × D1 …)");
    }

    /// <summary>
    /// What one input shape fixes for a pool: the window, its 2-D geometry when the float path takes it, and the output
    /// dims. A kernel keeps the last one and replaces it whole, so concurrent runs each read a consistent instance.
    /// </summary>
    private sealed record PoolShapes(long[] Input, WindowGeometry? Window, DepthwiseConvolution.Geometry? Planar, long[] Output);

    private sealed class PoolKernel : Kernel
    {
        private readonly Pooling _pooling;
        private readonly WindowAttributes _window;
        private readonly bool _countIncludePad, _columnMajor;
        private readonly double _p;
        private PoolShapes? _shapes;

        public PoolKernel(KernelNode node, Pooling pooling)
        {
            _pooling = pooling;
            _window = new WindowAttributes(node);
            if (_window.KernelShape is null)
                throw node.Fail("attribute 'kernel_shape' is required");
            _countIncludePad = node.Attributes.Int("count_include_pad", 0) != 0;
            long storageOrder = node.Attributes.Int("storage_order", 0);
            if (storageOrder is not (0 or 1))
                throw node.Fail($"attribute 'storage_order' is {storageOrder}; expected 0 (row major) or 1 (column major)");
            _columnMajor = storageOrder == 1;
            _p = pooling == Pooling.Lp ? LpOrder(node) : 0;
        }

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0);
            CheckInput(context, x, 3);
            PoolShapes shapes = _shapes is { } cached && x.Dims.AsSpan().SequenceEqual(cached.Input) ? cached : _shapes = Resolve(context, x.Dims);
            WindowGeometry window = shapes.Window!;
            if (x.DataType == DataType.Float && _pooling != Pooling.Lp && !context.HasOutput(1) && shapes.Planar is { } planar)
            {
                FloatPooling.Pool(planar, (int)window.PadEnd[0], (int)window.PadEnd[1], _pooling == Pooling.Average, _countIncludePad, (int)(x.Dims[0] * x.Dims[1]),
                    x.AsSpan<float>(), context.OutputToOverwrite<float>(0, DataType.Float, shapes.Output), context.Node.Threads);
                return;
            }
            double[] xs = RealTensors.Read(context, x, "X");
            int planes = (int)(x.Dims[0] * x.Dims[1]), inSize = window.InputSize, outSize = window.OutputSize;
            long[] dims = shapes.Output;
            var y = new double[(long)planes * outSize];
            Span<long> indices = context.HasOutput(1) ? context.Output<long>(1, DataType.Int64, dims) : default;
            var offsets = new int[window.KernelSize];
            for (int position = 0; position < outSize; position++)
            {
                int padded = window.Offsets(position, offsets);
                for (int plane = 0; plane < planes; plane++)
                {
                    int at = plane * outSize + position;
                    y[at] = Reduce(_pooling, _p, xs.AsSpan(plane * inSize, inSize), offsets, _countIncludePad ? padded : 0, out int argmax);
                    if (!indices.IsEmpty)
                        indices[at] = (long)plane * inSize + (_columnMajor ? ColumnMajor(argmax, window.Input) : argmax);
                }
            }
            RealTensors.Write(context, 0, x.DataType, dims, y);
        }

        private PoolShapes Resolve(KernelContext context, long[] dims)
        {
            WindowGeometry window = _window.Resolve(context, dims.AsSpan(2), _window.KernelShape);
            return new PoolShapes([.. dims], window, DepthwiseConvolution.Geometry.Of(window), [dims[0], dims[1], .. window.Output]);
        }

        /// <summary>The column-major offset (first axis fastest) of the row-major <paramref name="offset"/>, for storage_order 1.</summary>
        private static long ColumnMajor(int offset, long[] dims)
        {
            long result = 0, stride = 1;
            Span<long> coordinates = stackalloc long[dims.Length];
            for (int i = dims.Length - 1; i >= 0; i--)
            {
                coordinates[i] = offset % dims[i];
                offset = (int)(offset / dims[i]);
            }
            for (int i = 0; i < dims.Length; i++)
            {
                result += coordinates[i] * stride;
                stride *= dims[i];
            }
            return result;
        }
    }

    private sealed class GlobalPoolKernel(Pooling pooling, double p) : Kernel
    {
        private PoolShapes? _shapes;

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0);
            CheckInput(context, x, 2);
            PoolShapes shapes = _shapes is { } cached && x.Dims.AsSpan().SequenceEqual(cached.Input) ? cached
                : _shapes = new PoolShapes([.. x.Dims], null, null, [x.Dims[0], x.Dims[1], .. Enumerable.Repeat(1L, x.Dims.Length - 2)]);
            long[] dims = shapes.Output;
            if (x.DataType == DataType.Float && pooling != Pooling.Lp)
            {
                long planeCount = x.Dims[0] * x.Dims[1];
                int planeSize = planeCount == 0 ? 0 : (int)(x.ElementCount / planeCount);
                FloatPooling.Global(x.AsSpan<float>(), planeSize, pooling == Pooling.Average, context.OutputToOverwrite<float>(0, DataType.Float, dims), context.Node.Threads);
                return;
            }
            double[] xs = RealTensors.Read(context, x, "X");
            int planes = (int)(x.Dims[0] * x.Dims[1]), size = planes == 0 ? 0 : xs.Length / planes;
            int[] offsets = [.. Enumerable.Range(0, size)];
            var y = new double[planes];
            for (int plane = 0; plane < planes; plane++)
                y[plane] = Reduce(pooling, p, xs.AsSpan(plane * size, size), offsets, 0, out _);
            RealTensors.Write(context, 0, x.DataType, dims, y);
        }
    }
}
