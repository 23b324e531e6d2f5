using System.Numerics.Tensors;
using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Nn;

namespace Onyx.Runtime.Kernels.OnyxDomain;

/// <summary>
/// FusedConv (ai.onyx): Y = activation(Conv(X, W, B) + Z) for float tensors. The convolution is Conv's own float path
/// (<see cref="ConvKernels.ConvolveSingle"/>); Z and the activation follow per output plane.
/// </summary>
internal sealed class FusedConvKernel : Kernel
{
    private readonly WindowAttributes _window;
    private readonly int _group;
    private readonly FusedActivationFunction _activation;

    public FusedConvKernel(KernelNode node)
    {
        _window = new WindowAttributes(node);
        long group = node.Attributes.Int("group", 1);
        if (group <= 0 || group > int.MaxValue)
            throw node.Fail($"attribute 'group' is {group}; expected a positive number");
        _group = (int)group;
        _activation = FusedActivationFunction.Of(node);
    }

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0), w = context.Tensor(1);
        Tensor? b = context.OptionalTensor(2), z = context.OptionalTensor(3);
        if (x.DataType != DataType.Float || w.DataType != DataType.Float || (b is not null && b.DataType != DataType.Float) || (z is not null && z.DataType != DataType.Float))
            throw context.Fail("inputs X, W, B and Z must be float tensors");
        WindowGeometry window = ConvKernels.ConvWindow(context, _window, _group, x, w, b);
        long[] dims = [x.Dims[0], w.Dims[0], .. window.Output];
        if (z is not null && !z.Dims.AsSpan().SequenceEqual(dims))
            throw context.Fail($"input Z has shape [{string.Join(",", z.Dims)}]; expected Y's shape [{string.Join(",", dims)}]");
        Span<float> y = context.Output<float>(0, DataType.Float, dims);
        ConvKernels.ConvolveSingle(window, x.Dims, w.Dims, _group, x.AsSpan<float>(), w.AsSpan<float>(), b is null ? default : b.AsSpan<float>(), y, context.Node.Threads);
        int plane = window.OutputSize;
        if (plane == 0)
            return;
        ReadOnlySpan<float> zs = z is null ? default : z.AsSpan<float>();
        for (int start = 0; start < y.Length; start += plane)
        {
            Span<float> values = y.Slice(start, plane);
            if (!zs.IsEmpty)
                TensorPrimitives.Add(values, zs.Slice(start, plane), values);
            _activation.Apply(values);
        }
    }
}
