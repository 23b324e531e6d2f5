using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>
/// DeformConv: Conv whose every kernel tap samples X at its regular position shifted by a learned offset (one per
/// offset group, tap and spatial axis), read by multilinear interpolation with zeros outside X (the reference's
/// GridSample, align_corners=1), and scaled by the optional mask.
/// </summary>
internal sealed class DeformConvKernel(KernelNode node) : Kernel
{
    private readonly WindowAttributes _window = new(node);
    private readonly long _group = node.Attributes.Int("group", 1), _offsetGroup = node.Attributes.Int("offset_group", 1);

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("DeformConv", node => new DeformConvKernel(node))];

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0), w = context.Tensor(1), offset = context.Tensor(2);
        Tensor? b = context.OptionalTensor(3), mask = context.OptionalTensor(4);
        if (_group <= 0 || _offsetGroup <= 0)
            throw context.Fail($"attributes group {_group} and offset_group {_offsetGroup} must be positive");
        WindowGeometry window = ConvKernels.ConvWindow(context, _window, _group, x, w, b);
        int rank = window.Rank, n = (int)x.Dims[0], c = (int)x.Dims[1], m = (int)w.Dims[0];
        int taps = window.KernelSize, outSize = window.OutputSize, inSize = window.InputSize;
        if (c % _offsetGroup != 0)
            throw context.Fail($"input X has {c} channels, which offset_group {_offsetGroup} does not divide");
        long[] offsetDims = [n, _offsetGroup * taps * rank, .. window.Output], maskDims = [n, _offsetGroup * taps, .. window.Output];
        if (!offset.Dims.AsSpan().SequenceEqual(offsetDims))
            throw context.Fail($"input offset has shape [{string.Join(",", offset.Dims)}]; expected [{string.Join(",", offsetDims)}]");
        if (mask is not null && !mask.Dims.AsSpan().SequenceEqual(maskDims))
            throw context.Fail($"input mask has shape [{string.Join(",", mask.Dims)}]; expected [{string.Join(",", maskDims)}]");
        double[] xs = RealTensors.Read(context, x, "X"), ws = RealTensors.Read(context, w, "W"), offsets = RealTensors.Read(context, offset, "offset");
        double[]? masks = mask is null ? null : RealTensors.Read(context, mask, "mask"), bs = b is null ? null : RealTensors.Read(context, b, "B");

        int groupIn = c / (int)_group, groupOut = m / (int)_group, channelsPerOffsetGroup = c / (int)_offsetGroup;
        var y = new double[(long)n * m * outSize];
        var columns = new double[c * taps];
        var coordinate = new double[rank];
        var tap = new long[rank];
        var position = new long[rank];
        for (int image = 0; image < n; image++)
        {
            for (int p = 0; p < outSize; p++)
            {
                Unflatten(p, window.Output, position);
                for (int ic = 0; ic < c; ic++)
                {
                    int g = ic / channelsPerOffsetGroup;
                    Array.Clear(tap);
                    for (int k = 0; k < taps; k++)
                    {
                        for (int axis = 0; axis < rank; axis++)
                        {
                            long channel = ((long)g * taps + k) * rank + axis;
                            coordinate[axis] = position[axis] * window.Strides[axis] - window.PadBegin[axis] + tap[axis] * window.Dilations[axis]
                                + offsets[((image * offsetDims[1] + channel) * outSize) + p];
                        }
                        double scale = masks?[((image * maskDims[1]) + (long)g * taps + k) * outSize + p] ?? 1;
                        columns[ic * taps + k] = scale * Sample(xs.AsSpan((image * c + ic) * inSize, inSize), window.Input, coordinate);
                        for (int axis = rank - 1; axis >= 0 && ++tap[axis] == window.Kernel[axis]; axis--)
                            tap[axis] = 0;
                    }
                }
                for (int oc = 0; oc < m; oc++)
                {
                    int first = oc / groupOut * groupIn;
                    double sum = bs?[oc] ?? 0;
                    for (int i = 0; i < groupIn * taps; i++)
                        sum += columns[first * taps + i] * ws[oc * groupIn * taps + i];
                    y[((long)image * m + oc) * outSize + p] = sum;
                }
            }
        }
        RealTensors.Write(context, 0, x.DataType, [n, m, .. window.Output], y);
    }

    private static void Unflatten(long index, long[] dims, long[] coordinates)
    {
        for (int i = dims.Length - 1; i >= 0; i--)
        {
            coordinates[i] = index % dims[i];
            index /= dims[i];
        }
    }

    /// <summary>The multilinear interpolation of one channel at a real coordinate, corners outside the input counting as zero.</summary>
    private static double Sample(ReadOnlySpan<double> channel, long[] dims, double[] coordinate)
    {
        int rank = dims.Length;
        double value = 0;
        for (int corner = 0; corner < 1 << rank; corner++)
        {
            double weight = 1;
            long offset = 0;
            for (int axis = 0; axis < rank && weight != 0; axis++)
            {
                double floor = System.Math.Floor(coordinate[axis]), fraction = coordinate[axis] - floor;
                bool upper = (corner >> axis & 1) != 0;
                long at = (long)floor + (upper ? 1 : 0);
                weight *= upper ? fraction : 1 - fraction;
                if (at < 0 || at >= dims[axis])
                    weight = 0;
                offset = offset * dims[axis] + at;
            }
            if (weight != 0)
                value += weight * channel[(int)offset];
        }
        return value;
    }
}
