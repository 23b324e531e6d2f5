using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Image;

/// <summary>
/// RoiAlign (v10, v16, v22): each region of interest is split into output_height × output_width bins; a bin's value
/// pools (averages or takes the largest of) bilinear samples of X taken on a regular grid inside the bin.
/// RoiAlign-10 and coordinate_transformation_mode 'output_half_pixel' use the region's corners as given (and widen a
/// region thinner than a pixel to one pixel); 'half_pixel' shifts them by half a pixel.
/// </summary>
internal sealed class RoiAlignKernel : Kernel
{
    private readonly bool _max, _halfPixel;
    private readonly long _height, _width, _samplingRatio;
    private readonly double _spatialScale;

    private RoiAlignKernel(KernelNode node)
    {
        NodeAttributes a = node.Attributes;
        string mode = a.String("mode", "avg");
        if (mode is not ("avg" or "max"))
            throw node.Fail($"attribute 'mode' is '{mode}'; expected avg or max");
        _max = mode == "max";
        string coordinates = node.Version < 16 ? "output_half_pixel" : a.String("coordinate_transformation_mode", "half_pixel");
        if (coordinates is not ("half_pixel" or "output_half_pixel"))
            throw node.Fail($"attribute 'coordinate_transformation_mode' is '{coordinates}'; expected half_pixel or output_half_pixel");
        _halfPixel = coordinates == "half_pixel";
        _height = a.Int("output_height", 1);
        _width = a.Int("output_width", 1);
        if (_height < 1 || _width < 1)
            throw node.Fail($"attributes 'output_height' and 'output_width' are {_height} and {_width}; both must be positive");
        _samplingRatio = a.Int("sampling_ratio", 0);
        if (_samplingRatio < 0)
            throw node.Fail($"attribute 'sampling_ratio' is {_samplingRatio}; expected 0 (adaptive) or a positive count");
        _spatialScale = a.Float("spatial_scale", 1);
    }

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("RoiAlign", node => new RoiAlignKernel(node))];

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0), rois = context.Tensor(1);
        if (x.Dims.Length != 4)
            throw context.Fail($"input 0 ('{Name(context, 0)}') has shape {Shape(x.Dims)}; expected (N, C, H, W)");
        if (rois.Dims.Length != 2 || rois.Dims[1] != 4)
            throw context.Fail($"input 1 ('{Name(context, 1)}') has shape {Shape(rois.Dims)}; expected (num_rois, 4)");
        long roiCount = rois.Dims[0];
        long[] batchIndices = BatchIndices(context, roiCount);
        long batches = x.Dims[0], channels = x.Dims[1], height = x.Dims[2], width = x.Dims[3];
        double[] values = RealTensors.Read(context, x, "X"), corners = RealTensors.Read(context, rois, "rois");
        long binCount = _height * _width;
        var result = new double[roiCount * channels * binCount];
        for (long r = 0; r < roiCount; r++)
        {
            long batch = batchIndices[r];
            if (batch < 0 || batch >= batches)
                throw context.Fail($"input 2 ('{Name(context, 2)}') gives batch index {batch} for region {r}; expected one in [0, {batches - 1}]");
            // An empty plane has no pixel to sample: the region pools to zero.
            if (height == 0 || width == 0)
                continue;
            BinSamples[] bins = Samples(corners.AsSpan((int)(r * 4), 4), height, width);
            for (long c = 0; c < channels; c++)
            {
                long plane = (batch * channels + c) * height * width;
                long target = (r * channels + c) * binCount;
                for (long bin = 0; bin < binCount; bin++)
                    result[target + bin] = Pool(values, plane, bins[bin]);
            }
        }
        RealTensors.Write(context, 0, x.DataType, [roiCount, channels, _height, _width], result);
    }

    private static long[] BatchIndices(KernelContext context, long roiCount)
    {
        Tensor indices = context.Tensor(2);
        if (indices.Dims.Length != 1 || indices.Dims[0] != roiCount)
            throw context.Fail($"input 2 ('{Name(context, 2)}') has shape {Shape(indices.Dims)}; expected ({roiCount}), one batch index per region");
        return Indices(context, 2);
    }

    /// <summary>
    /// The bilinear samples of one bin: four plane offsets and four weights per sample point. A point more than one
    /// pixel outside the plane samples nothing (weights zero); one within a pixel of an edge reads the edge.
    /// </summary>
    private sealed record BinSamples(long[] Offsets, double[] Weights, int PointCount);

    private BinSamples[] Samples(ReadOnlySpan<double> corners, long height, long width)
    {
        double shift = _halfPixel ? 0.5 : 0;
        double startX = corners[0] * _spatialScale - shift, startY = corners[1] * _spatialScale - shift;
        double roiWidth = corners[2] * _spatialScale - shift - startX, roiHeight = corners[3] * _spatialScale - shift - startY;
        if (!_halfPixel)
        {
            roiWidth = System.Math.Max(roiWidth, 1);
            roiHeight = System.Math.Max(roiHeight, 1);
        }
        double binHeight = roiHeight / _height, binWidth = roiWidth / _width;
        long gridHeight = _samplingRatio > 0 ? _samplingRatio : (long)System.Math.Ceiling(binHeight);
        long gridWidth = _samplingRatio > 0 ? _samplingRatio : (long)System.Math.Ceiling(binWidth);
        int points = (int)(System.Math.Max(gridHeight, 0) * System.Math.Max(gridWidth, 0));
        var bins = new BinSamples[_height * _width];
        for (long ph = 0; ph < _height; ph++)
        {
            for (long pw = 0; pw < _width; pw++)
            {
                var offsets = new long[points * 4];
                var weights = new double[points * 4];
                int k = 0;
                for (long iy = 0; iy < gridHeight; iy++)
                {
                    double y = startY + ph * binHeight + (iy + 0.5) * binHeight / gridHeight;
                    for (long ix = 0; ix < gridWidth; ix++, k++)
                    {
                        double xCoordinate = startX + pw * binWidth + (ix + 0.5) * binWidth / gridWidth;
                        if (y < -1 || y > height || xCoordinate < -1 || xCoordinate > width)
                            continue;
                        (long yLow, long yHigh, double ly) = Neighbours(y, height);
                        (long xLow, long xHigh, double lx) = Neighbours(xCoordinate, width);
                        offsets[4 * k] = yLow * width + xLow;
                        offsets[4 * k + 1] = yLow * width + xHigh;
                        offsets[4 * k + 2] = yHigh * width + xLow;
                        offsets[4 * k + 3] = yHigh * width + xHigh;
                        weights[4 * k] = (1 - ly) * (1 - lx);
                        weights[4 * k + 1] = (1 - ly) * lx;
                        weights[4 * k + 2] = ly * (1 - lx);
                        weights[4 * k + 3] = ly * lx;
                    }
                }
                bins[ph * _width + pw] = new BinSamples(offsets, weights, points);
            }
        }
        return bins;
    }

    /// <summary>The two pixels around <paramref name="p"/> along an axis and the weight of the upper one; coordinates past the last pixel read it.</summary>
    private static (long Low, long High, double Fraction) Neighbours(double p, long length)
    {
        p = System.Math.Max(p, 0);
        long low = (long)p;
        if (low >= length - 1)
            return (length - 1, length - 1, 0);
        return (low, low + 1, p - low);
    }

    /// <summary>
    /// The bin's average of its interpolated samples, or in max mode the largest weighted neighbour over the samples:
    /// the operator's reference takes the maximum of the four weighted terms rather than of their sum.
    /// </summary>
    private double Pool(double[] values, long plane, BinSamples bin)
    {
        if (_max)
        {
            double best = 0;
            for (int k = 0; k < bin.PointCount; k++)
            {
                double point = double.NegativeInfinity;
                for (int j = 4 * k; j < 4 * k + 4; j++)
                    point = System.Math.Max(point, bin.Weights[j] * values[plane + bin.Offsets[j]]);
                best = k == 0 ? point : System.Math.Max(best, point);
            }
            return best;
        }
        double sum = 0;
        for (int j = 0; j < bin.Weights.Length; j++)
            sum += bin.Weights[j] * values[plane + bin.Offsets[j]];
        return sum / System.Math.Max(bin.PointCount, 1);
    }
}
