namespace Onyx.Runtime.Compute;

/// <summary>
/// One-dimensional resampling as Resize defines it: each output position along an axis maps to a source coordinate
/// (by the coordinate transformation mode), and its value is a weighted sum of the source elements nearest that
/// coordinate (by the interpolation mode). Resizing is separable, so an n-D resize applies one such axis at a time.
/// </summary>
internal static class Interpolation
{
    /// <summary>The taps of one output position: source indices (already clamped) and their weights; null taps mean the extrapolation value.</summary>
    public sealed record Taps(int[] Indices, double[] Weights);

    /// <summary>The settings that decide taps, read once from the node's attributes.</summary>
    public sealed record Settings(string Mode, string CoordinateMode, string NearestMode, double CubicA, bool ExcludeOutside, bool Antialias);

    /// <summary>The taps of every output position along one axis; an entry is null where tf_crop_and_resize extrapolates.</summary>
    public static Taps?[] AxisTaps(Settings settings, int inputWidth, int outputWidth, double scale, double roiStart, double roiEnd)
    {
        var taps = new Taps?[outputWidth];
        for (int o = 0; o < outputWidth; o++)
        {
            double x = SourceCoordinate(settings.CoordinateMode, o, scale, inputWidth, outputWidth, roiStart, roiEnd);
            if (settings.CoordinateMode == "tf_crop_and_resize" && (x < 0 || x > inputWidth - 1))
                continue;
            taps[o] = TapsAt(settings, x, scale, inputWidth);
        }
        return taps;
    }

    private static double SourceCoordinate(string mode, int o, double scale, int inputWidth, int outputWidth, double roiStart, double roiEnd)
    {
        // The output width as a real number: scale · input (it differs from the integer width when the scale does not divide).
        double width = scale * inputWidth;
        return mode switch
        {
            "align_corners" => width == 1 ? 0 : o * (inputWidth - 1) / (width - 1),
            "asymmetric" => o / scale,
            "tf_crop_and_resize" => (width == 1 ? (roiEnd - roiStart) * (inputWidth - 1) / 2 : o * (roiEnd - roiStart) * (inputWidth - 1) / (width - 1))
                + roiStart * (inputWidth - 1),
            "pytorch_half_pixel" => width == 1 ? -0.5 : (o + 0.5) / scale - 0.5,
            "half_pixel_symmetric" => inputWidth / 2.0 * (1 - outputWidth / width) + (o + 0.5) / scale - 0.5,
            "tf_half_pixel_for_nn" => (o + 0.5) / scale,
            _ => (o + 0.5) / scale - 0.5, // half_pixel
        };
    }

    /// <summary>
    /// The weights of the taps around source coordinate <paramref name="x"/> and the window of source indices they
    /// apply to: the n indices nearest x, ties going to the smaller index; indices past the edges read the edge.
    /// </summary>
    private static Taps TapsAt(Settings settings, double x, double scale, int inputWidth)
    {
        double floor = Math.Floor(x);
        // The fraction is taken in (0, 1]: an integer coordinate counts as a full step from the pixel to its left.
        double ratio = x == floor ? 1 : x - floor;
        double[] weights = Weights(settings, ratio, scale);
        int n = weights.Length;
        int pad = (n + 1) / 2;
        double padded = x + pad;
        long p = (long)Math.Floor(padded);
        double fraction = padded - p;
        long offset = n % 2 == 0 ? (fraction == 0 ? -(n / 2) : -(n / 2) + 1) : (fraction <= 0.5 ? -((n - 1) / 2) : -((n - 1) / 2) + 1);
        var indices = new int[n];
        for (int j = 0; j < n; j++)
        {
            long index = p + offset + j - pad;
            if (settings.ExcludeOutside && (index < 0 || index >= inputWidth))
                weights[j] = 0;
            indices[j] = (int)Math.Clamp(index, 0, inputWidth - 1);
        }
        if (settings.ExcludeOutside)
        {
            double sum = weights.Sum();
            if (sum != 0)
                for (int j = 0; j < n; j++)
                    weights[j] /= sum;
        }
        return new Taps(indices, weights);
    }

    private static double[] Weights(Settings settings, double ratio, double scale) => settings.Mode switch
    {
        "nearest" => Nearest(settings.NearestMode, ratio),
        "linear" => settings.Antialias ? Normalized(Window(1, scale, ratio, d => Math.Clamp(1 - Math.Abs(d), 0, 1))) : [1 - ratio, ratio],
        _ => settings.Antialias ? Normalized(Window(2, scale, ratio, d => Cubic(settings.CubicA, d))) : CubicTaps(settings.CubicA, ratio),
    };

    private static double[] Nearest(string mode, double ratio)
    {
        if (ratio == 1)
            return [0, 1];
        bool right = mode switch
        {
            "round_prefer_ceil" => ratio >= 0.5,
            "floor" => false,
            "ceil" => true,
            _ => ratio > 0.5, // round_prefer_floor
        };
        return right ? [0, 1] : [1, 0];
    }

    /// <summary>Keys' cubic convolution kernel with parameter a, at distance d.</summary>
    private static double Cubic(double a, double d)
    {
        d = Math.Abs(d);
        return d <= 1 ? ((a + 2) * d - (a + 3)) * d * d + 1
            : d < 2 ? ((a * d - 5 * a) * d + 8 * a) * d - 4 * a
            : 0;
    }

    private static double[] CubicTaps(double a, double ratio) => [Cubic(a, ratio + 1), Cubic(a, ratio), Cubic(a, 1 - ratio), Cubic(a, 2 - ratio)];

    /// <summary>
    /// An antialiasing window: when downsampling (scale below 1) the kernel of the given support is stretched by
    /// 1 / scale, so it averages over every source pixel an output pixel covers.
    /// </summary>
    private static double[] Window(int support, double scale, double ratio, Func<double, double> kernel)
    {
        scale = Math.Min(scale, 1);
        int start = (int)Math.Floor(-support / scale) + 1;
        return [.. Enumerable.Range(start, 2 - 2 * start).Select(i => kernel((i - ratio) * scale))];
    }

    private static double[] Normalized(double[] weights)
    {
        double sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }

    /// <summary>Resamples one axis of <paramref name="source"/> (dims <paramref name="dims"/>) to the taps' length.</summary>
    public static double[] ResampleAxis(double[] source, long[] dims, int axis, Taps?[] taps, double extrapolation)
    {
        long outer = IndexingOffsets.Product(dims, 0, axis), inner = IndexingOffsets.Product(dims, axis + 1, dims.Length);
        long width = dims[axis];
        var result = new double[outer * taps.Length * inner];
        for (long o = 0; o < outer; o++)
        {
            for (int t = 0; t < taps.Length; t++)
            {
                long to = (o * taps.Length + t) * inner;
                if (taps[t] is not { } tap)
                {
                    result.AsSpan((int)to, (int)inner).Fill(extrapolation);
                    continue;
                }
                for (int j = 0; j < tap.Indices.Length; j++)
                {
                    double w = tap.Weights[j];
                    if (w == 0)
                        continue;
                    long from = (o * width + tap.Indices[j]) * inner;
                    for (long i = 0; i < inner; i++)
                        result[to + i] += w * source[from + i];
                }
            }
        }
        return result;
    }
}
