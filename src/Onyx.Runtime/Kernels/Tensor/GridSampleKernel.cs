using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// GridSample (v16 2-D with bilinear/bicubic names, v20 and v22 N-D): each output position reads X at the point the
/// grid gives, in coordinates normalized to [-1, 1] with the last grid axis listing them innermost spatial dim
/// first. The value interpolates the nearest 1, 2 or 4 pixels per spatial dim; pixels outside X read zero, the
/// border, or the reflection, by padding_mode.
/// </summary>
internal sealed class GridSampleKernel : Kernel
{
    private readonly string _mode, _padding;
    private readonly bool _alignCorners;

    private GridSampleKernel(KernelNode node)
    {
        _mode = node.Attributes.String("mode", node.Version < 20 ? "bilinear" : "linear") switch
        {
            "bilinear" or "linear" => "linear",
            "bicubic" or "cubic" => "cubic",
            "nearest" => "nearest",
            var other => throw node.Fail($"attribute 'mode' is '{other}'; expected linear, cubic or nearest"),
        };
        _padding = node.Attributes.String("padding_mode", "zeros");
        if (_padding is not ("zeros" or "border" or "reflection"))
            throw node.Fail($"attribute 'padding_mode' is '{_padding}'; expected zeros, border or reflection");
        _alignCorners = node.Attributes.Int("align_corners", 0) != 0;
    }

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("GridSample", node => new GridSampleKernel(node))];

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0), grid = context.Tensor(1);
        int rank = x.Dims.Length - 2;
        if (rank < 1 || grid.Dims.Length != rank + 2 || grid.Dims[0] != x.Dims[0] || grid.Dims[^1] != rank)
            throw context.Fail($"input 1 ('{Name(context, 1)}') has shape {Shape(grid.Dims)}; expected [{x.Dims[0]}, output dims..., {rank}] for input 0 {Shape(x.Dims)}");
        long n = x.Dims[0], channels = x.Dims[1];
        long[] spatial = x.Dims[2..];
        long planeSize = IndexingOffsets.Product(spatial, 0, rank), outputPositions = IndexingOffsets.Product(grid.Dims, 1, rank + 1);
        if (context.Node.Version < 20 && rank != 2)
            throw context.Fail($"input 0 ('{Name(context, 0)}') has shape {Shape(x.Dims)}; GridSample-{context.Node.Version} samples 4-D (N, C, H, W) inputs only");
        if (planeSize == 0 && channels * outputPositions > 0)
            throw context.Fail($"input 0 ('{Name(context, 0)}') has shape {Shape(x.Dims)}, an empty image with no pixel to sample");
        long[] strides = IndexingOffsets.Strides(spatial);
        double[] coordinates = RealTensors.Read(context, grid, "grid");
        long[] dims = [n, channels, .. grid.Dims[1..^1]];
        var taps = new (long Offset, double Weight)[rank][];
        if (_mode == "nearest")
        {
            // One pixel per output: copied, so every element type samples exactly; outside pixels stay zero.
            var source = new IndexedSource(x);
            IndexedTarget target = Output(context, x.DataType, dims);
            for (long b = 0; b < n; b++)
            {
                for (long p = 0; p < outputPositions; p++)
                {
                    PositionTaps(coordinates, b * outputPositions + p, spatial, strides, taps);
                    long offset = 0;
                    foreach ((long Offset, double Weight)[] axis in taps)
                        offset = offset < 0 || axis[0].Offset < 0 ? -1 : offset + axis[0].Offset;
                    if (offset < 0)
                        continue;
                    for (long c = 0; c < channels; c++)
                        target.Copy(source, (b * channels + c) * planeSize + offset, (b * channels + c) * outputPositions + p, 1);
                }
            }
            SetOutput(context, 0, target, dims);
            return;
        }
        double[] values = InterpolationElements.Read(context, x, "X");
        var result = new double[n * channels * outputPositions];
        for (long b = 0; b < n; b++)
        {
            for (long p = 0; p < outputPositions; p++)
            {
                PositionTaps(coordinates, b * outputPositions + p, spatial, strides, taps);
                for (long c = 0; c < channels; c++)
                {
                    long plane = (b * channels + c) * planeSize;
                    result[(b * channels + c) * outputPositions + p] = Sum(values, plane, taps, 0, 1);
                }
            }
        }
        InterpolationElements.Write(context, 0, x.DataType, dims, result);
    }

    /// <summary>The taps of every spatial dim for grid point <paramref name="point"/>; the grid lists the innermost spatial dim first.</summary>
    private void PositionTaps(double[] coordinates, long point, long[] spatial, long[] strides, (long Offset, double Weight)[][] taps)
    {
        int rank = spatial.Length;
        for (int d = 0; d < rank; d++)
            taps[d] = AxisTaps(coordinates[point * rank + (rank - 1 - d)], spatial[d], strides[d]);
    }

    /// <summary>The weighted sum over every combination of one tap per spatial dim from <paramref name="d"/> on.</summary>
    private static double Sum(double[] values, long offset, (long Offset, double Weight)[][] taps, int d, double weight)
    {
        if (d == taps.Length)
            return weight * values[offset];
        double sum = 0;
        foreach ((long tapOffset, double tapWeight) in taps[d])
            if (tapOffset >= 0 && tapWeight != 0)
                sum += Sum(values, offset + tapOffset, taps, d + 1, weight * tapWeight);
        return sum;
    }

    /// <summary>The pixels one spatial dim contributes and their weights; an offset of -1 reads zero.</summary>
    private (long Offset, double Weight)[] AxisTaps(double normalized, long length, long stride)
    {
        // Denormalized as the reference does, in single precision.
        double position = (float)(_alignCorners ? (normalized + 1) / 2 * (length - 1) : ((normalized + 1) * length - 1) / 2);
        double low = _alignCorners ? 0 : -0.5, high = _alignCorners ? length - 1 : length - 0.5;
        if (_mode == "nearest")
            position = System.Math.Round(position, MidpointRounding.ToEven);
        if (position < low || position > high)
            position = _padding switch
            {
                "border" => System.Math.Clamp(position, 0, length - 1),
                "reflection" => Reflect(position, low, high),
                _ => position,
            };
        if (_mode == "nearest")
            return [(Pixel((long)position, length, low, high) * stride, 1)];
        long first = (long)System.Math.Floor(position);
        double t = position - first;
        double[] weights = _mode == "linear" ? [1 - t, t] : [Cubic(t + 1), Cubic(t), Cubic(1 - t), Cubic(2 - t)];
        long start = _mode == "linear" ? first : first - 1;
        return [.. weights.Select((w, i) => Pixel(start + i, length, low, high) is var at and >= 0 ? (at * stride, w) : (-1L, w))];
    }

    /// <summary>The pixel index <paramref name="i"/> reads under the padding mode, or -1 for a zero.</summary>
    private long Pixel(long i, long length, double low, double high) => _padding switch
    {
        "border" => System.Math.Clamp(i, 0, length - 1),
        "reflection" => (long)Reflect(i, low, high),
        _ => i >= 0 && i < length ? i : -1,
    };

    /// <summary>Reflects about the nearer border until the coordinate lies within [low, high].</summary>
    private static double Reflect(double x, double low, double high)
    {
        double range = high - low;
        if (range <= 0)
            return low;
        if (x < low)
        {
            double distance = low - x;
            long flips = (long)(distance / range);
            double rest = distance - flips * range;
            return flips % 2 == 0 ? low + rest : high - rest;
        }
        if (x > high)
        {
            double distance = x - high;
            long flips = (long)(distance / range);
            double rest = distance - flips * range;
            return flips % 2 == 0 ? high - rest : low + rest;
        }
        return x;
    }

    /// <summary>Keys' cubic kernel with a = -0.75, as GridSample fixes it.</summary>
    private static double Cubic(double d)
    {
        const double a = -0.75;
        d = System.Math.Abs(d);
        return d <= 1 ? ((a + 2) * d - (a + 3)) * d * d + 1 : d < 2 ? ((a * d - 5 * a) * d + 8 * a) * d - 4 * a : 0;
    }
}
