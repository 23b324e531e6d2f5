using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Nn;

namespace Onyx.Runtime.Kernels.OnyxDomain;

/// <summary>
/// FusedConv (ai.onyx): Y = activation(Conv(X, W, B) + Z) for float tensors, on Conv's own float path
/// (<see cref="FloatConvolution"/>): B, Z and a Relu or Clip are applied as the product is stored; other activations
/// follow in place.
/// </summary>
internal sealed class FusedConvKernel : Kernel
{
    private readonly WindowAttributes _window;
    private readonly int _group;
    private readonly FusedActivationFunction _activation;
    private readonly FloatConvolution _convolution;

    public FusedConvKernel(KernelNode node)
    {
        _window = new WindowAttributes(node);
        long group = node.Attributes.Int("group", 1);
        if (group <= 0 || group > int.MaxValue)
            throw node.Fail($"attribute 'group' is {group}; expected a positive number");
        _group = (int)group;
        _activation = FusedActivationFunction.Of(node);
        _convolution = new FloatConvolution(node, _group);
    }

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0), w = context.Tensor(1);
        Tensor? b = context.OptionalTensor(2), z = context.OptionalTensor(3);
        if (x.DataType != DataType.Float || w.DataType != DataType.Float || (b is not null && b.DataType != DataType.Float) || (z is not null && z.DataType != DataType.Float))
            throw context.Fail("inputs X, W, B and Z must be float tensors");
        WindowGeometry window = ConvKernels.ConvWindow(context, _window, _group, x, w, b);
        Span<long> dims = ConvKernels.OutputDims(x, w, window, stackalloc long[x.Dims.Length]);
        if (z is not null && !z.Dims.AsSpan().SequenceEqual(dims))
            throw context.Fail($"input Z has shape [{string.Join(",", z.Dims)}]; expected Y's shape [{string.Join(",", dims.ToArray())}]");
        Span<float> y = context.OutputToOverwrite<float>(0, DataType.Float, dims);
        (float min, float max) = _activation.Clamp ?? (float.NegativeInfinity, float.PositiveInfinity);
        _convolution.Run(window, x, w, b is null ? default : b.AsSpan<float>(), z is null ? default : z.AsSpan<float>(), min, max, y, context.Node.Threads);
        if (_activation.Clamp is null)
            _activation.Apply(y);
    }
}
