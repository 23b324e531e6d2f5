using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>
/// MaxRoiPool (v1, v22), the Fast R-CNN region pooling: each region (batch index, x1, y1, x2, y2), scaled by
/// spatial_scale and rounded to whole pixels, is split into pooled_shape bins, and each bin takes the largest value of
/// X it covers (zero for a bin that covers no pixel).
/// </summary>
internal sealed class MaxRoiPoolKernel : Kernel
{
    private readonly long _pooledHeight, _pooledWidth;
    private readonly double _spatialScale;

    private MaxRoiPoolKernel(KernelNode node)
    {
        IReadOnlyList<long> pooled = node.Attributes.Ints("pooled_shape") ?? throw node.Fail("attribute 'pooled_shape' is required");
        if (pooled.Count != 2 || pooled[0] < 1 || pooled[1] < 1)
            throw node.Fail($"attribute 'pooled_shape' is [{string.Join(",", pooled)}]; expected two positive sizes (height, width)");
        (_pooledHeight, _pooledWidth) = (pooled[0], pooled[1]);
        _spatialScale = node.Attributes.Float("spatial_scale", 1);
    }

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("MaxRoiPool", node => new MaxRoiPoolKernel(node))];

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0), rois = context.Tensor(1);
        if (x.Dims.Length != 4)
            throw context.Fail($"input 0 ('{Name(context, 0)}') has shape {Shape(x.Dims)}; expected (N, C, H, W)");
        if (rois.Dims.Length != 2 || rois.Dims[1] != 5)
            throw context.Fail($"input 1 ('{Name(context, 1)}') has shape {Shape(rois.Dims)}; expected (num_rois, 5): batch index, x1, y1, x2, y2");
        long roiCount = rois.Dims[0], batches = x.Dims[0], channels = x.Dims[1], height = x.Dims[2], width = x.Dims[3];
        double[] values = RealTensors.Read(context, x, "X"), regions = RealTensors.Read(context, rois, "rois");
        long binCount = _pooledHeight * _pooledWidth;
        var result = new double[roiCount * channels * binCount];
        for (long r = 0; r < roiCount; r++)
        {
            double batchValue = regions[r * 5];
            if (!(batchValue >= 0 && batchValue < batches))
                throw context.Fail($"input 1 ('{Name(context, 1)}') gives batch index {batchValue} for region {r}; expected one in [0, {batches - 1}]");
            long batch = (long)batchValue;
            long startX = Pixel(regions[r * 5 + 1]), startY = Pixel(regions[r * 5 + 2]);
            long endX = Pixel(regions[r * 5 + 3]), endY = Pixel(regions[r * 5 + 4]);
            // A region covers its end pixels, and at least one pixel each way.
            double binHeight = (double)System.Math.Max(endY - startY + 1, 1) / _pooledHeight;
            double binWidth = (double)System.Math.Max(endX - startX + 1, 1) / _pooledWidth;
            for (long c = 0; c < channels; c++)
            {
                long plane = (batch * channels + c) * height * width;
                long target = (r * channels + c) * binCount;
                for (long ph = 0; ph < _pooledHeight; ph++)
                {
                    (long top, long bottom) = Span(ph, binHeight, startY, height);
                    for (long pw = 0; pw < _pooledWidth; pw++)
                    {
                        (long left, long right) = Span(pw, binWidth, startX, width);
                        if (bottom <= top || right <= left)
                            continue;
                        double best = double.NegativeInfinity;
                        for (long h = top; h < bottom; h++)
                            for (long w = left; w < right; w++)
                                best = System.Math.Max(best, values[plane + h * width + w]);
                        result[target + ph * _pooledWidth + pw] = best;
                    }
                }
            }
        }
        RealTensors.Write(context, 0, x.DataType, [roiCount, channels, _pooledHeight, _pooledWidth], result);
    }

    private long Pixel(double coordinate) => (long)System.Math.Round(coordinate * _spatialScale, MidpointRounding.AwayFromZero);

    /// <summary>The pixels [start, end) bin <paramref name="index"/> covers along one axis, clipped to the plane.</summary>
    private static (long Start, long End) Span(long index, double binSize, long regionStart, long length) =>
        (System.Math.Clamp((long)System.Math.Floor(index * binSize) + regionStart, 0, length),
         System.Math.Clamp((long)System.Math.Ceiling((index + 1) * binSize) + regionStart, 0, length));
}
