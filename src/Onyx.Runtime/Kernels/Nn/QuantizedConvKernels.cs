using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>
/// ConvInteger and QLinearConv: Conv over (x − x_zero_point) and (w − w_zero_point), the weight's zero point and scale
/// per tensor or per output channel. ConvInteger gives the int32 sums; QLinearConv adds the int32 bias and requantizes,
/// round-half-to-even and saturating to y_zero_point's type. Products of 8-bit values sum exactly in double.
/// </summary>
internal static class QuantizedConvKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("ConvInteger", node => new ConvIntegerKernel(node)),
        KernelRegistration.All("QLinearConv", node => new QLinearConvKernel(node)),
    ];

    private static long Group(KernelNode node)
    {
        long group = node.Attributes.Int("group", 1);
        return group > 0 ? group : throw node.Fail($"attribute 'group' is {group}; expected a positive number");
    }

    /// <summary>Values of a quantization parameter: one (per tensor) or <paramref name="channels"/> (per output channel, when allowed); <paramref name="absent"/> when not given.</summary>
    private static double[] Parameter(KernelContext context, Tensor? tensor, string name, long channels, double absent)
    {
        if (tensor is null)
            return [absent];
        long count = context.ElementCount(tensor.Dims);
        if (tensor.Dims.Length > 1 || (count != 1 && count != channels))
            throw context.Fail($"input {name} has shape [{string.Join(",", tensor.Dims)}]; expected a scalar{(channels > 1 ? $" or [{channels}], one per output channel" : "")}");
        return RealTensors.Read(context, tensor, name);
    }

    /// <summary>x − x_zero_point and w − w_zero_point (per output channel when given so), read as doubles.</summary>
    private static (double[] Xs, double[] Ws) Centered(KernelContext context, Tensor x, Tensor w, Tensor? xZero, Tensor? wZero)
    {
        double xz = Parameter(context, xZero, "x_zero_point", 1, 0)[0];
        double[] wz = Parameter(context, wZero, "w_zero_point", w.Dims[0], 0);
        double[] xs = RealTensors.Read(context, x, "x"), ws = RealTensors.Read(context, w, "w");
        for (int i = 0; i < xs.Length; i++)
            xs[i] -= xz;
        long perChannel = ws.Length / System.Math.Max(1, w.Dims[0]);
        for (int i = 0; i < ws.Length; i++)
            ws[i] -= wz.Length == 1 ? wz[0] : wz[i / perChannel];
        return (xs, ws);
    }

    private sealed class ConvIntegerKernel(KernelNode node) : Kernel
    {
        private readonly WindowAttributes _window = new(node);
        private readonly long _group = Group(node);

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0), w = context.Tensor(1);
            WindowGeometry window = ConvKernels.ConvWindow(context, _window, _group, x, w, null);
            (double[] xs, double[] ws) = Centered(context, x, w, context.OptionalTensor(2), context.OptionalTensor(3));
            double[] y = ConvKernels.Convolve(window, x.Dims, w.Dims, _group, xs, ws, null, context.Node.Threads);
            Span<int> output = context.Output<int>(0, DataType.Int32, [x.Dims[0], w.Dims[0], .. window.Output]);
            for (int i = 0; i < y.Length; i++)
                output[i] = (int)y[i];
        }
    }

    private sealed class QLinearConvKernel(KernelNode node) : Kernel
    {
        private readonly WindowAttributes _window = new(node);
        private readonly long _group = Group(node);

        public override void Run(KernelContext context)
        {
            Tensor x = context.Tensor(0), w = context.Tensor(3), yZero = context.Tensor(7);
            Tensor? bias = context.OptionalTensor(8);
            if (bias is not null && bias.DataType != DataType.Int32)
                throw context.Fail($"input B has element type {bias.DataType.TypeName()}; expected int32");
            WindowGeometry window = ConvKernels.ConvWindow(context, _window, _group, x, w, bias);
            long m = w.Dims[0];
            (double[] xs, double[] ws) = Centered(context, x, w, context.Tensor(2), context.Tensor(5));
            double xScale = Parameter(context, context.Tensor(1), "x_scale", 1, 1)[0], yScale = Parameter(context, context.Tensor(6), "y_scale", 1, 1)[0];
            double[] wScale = Parameter(context, context.Tensor(4), "w_scale", m, 1);
            double yz = Parameter(context, yZero, "y_zero_point", 1, 0)[0];
            double[]? bs = bias is null ? null : [.. bias.AsSpan<int>().ToArray().Select(v => (double)v)];
            double[] y = ConvKernels.Convolve(window, x.Dims, w.Dims, _group, xs, ws, bs, context.Node.Threads);
            long plane = window.OutputSize;
            for (long i = 0; i < y.Length; i++)
            {
                long channel = i / plane % m;
                // Spec: y = saturate(round(acc · x_scale · w_scale / y_scale) + y_zero_point), round half to even.
                y[i] = System.Math.Round(y[i] * xScale * wScale[wScale.Length == 1 ? 0 : channel] / yScale, MidpointRounding.ToEven) + yz;
            }
            RealTensors.Write(context, 0, yZero.DataType, [x.Dims[0], m, .. window.Output], y);
        }
    }
}
