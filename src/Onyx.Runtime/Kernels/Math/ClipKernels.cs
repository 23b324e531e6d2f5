using System.Numerics.Tensors;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>
/// Clip, every version: the bounds are attributes before version 11 (float types, defaulting to the float range) and
/// optional scalar inputs from 11 on (every numeric type). min greater than max gives max everywhere (Operators.md, Clip).
/// </summary>
internal static class ClipKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        new("", "Clip", 1, 10, ClipAttributes),
        KernelRegistration.From("Clip", 11, _ => ElementwiseKernel.Create((context, inputs) =>
        {
            Tensor x = inputs[0] ?? throw context.Fail("input 0 (input) is required but absent");
            for (int i = 1; i < inputs.Length; i++)
            {
                if (inputs[i] is { } bound && bound.ElementCount != 1)
                    throw context.Fail($"input {i} ({(i == 1 ? "min" : "max")}) must be a scalar, found shape [{string.Join(",", bound.Dims)}]");
            }
            return Clip(context, x, inputs.ElementAtOrDefault(1), inputs.ElementAtOrDefault(2));
        })),
    ];

    private static Kernel ClipAttributes(KernelNode node)
    {
        float min = node.Attributes.Float("min", float.MinValue), max = node.Attributes.Float("max", float.MaxValue);
        return ElementwiseKernel.Unary((context, x) =>
            Clip(context, x, ElementwiseKernel.Convert(Tensor.Scalar(min), x.DataType), ElementwiseKernel.Convert(Tensor.Scalar(max), x.DataType)));
    }

    /// <summary>min(max(x, lower), upper); a bound of rank one or more must not change x's shape, so it is read as a scalar.</summary>
    private static Tensor Clip(KernelContext context, Tensor x, Tensor? min, Tensor? max)
    {
        if (x.DataType == DataType.Float && min?.DataType is null or DataType.Float && max?.DataType is null or DataType.Float)
            return ClipFloat(x, min, max);
        Tensor result = x;
        if (min is not null)
            result = ElementwiseLoops.Zip(context, result, min, [], default(VariadicKernels.MaxOp));
        if (max is not null)
            result = ElementwiseLoops.Zip(context, result, max, [], default(VariadicKernels.MinOp));
        return result;
    }

    /// <summary>Clip of a float tensor by its scalar bounds in two vectorised passes (NaN stays NaN).</summary>
    private static Tensor ClipFloat(Tensor x, Tensor? min, Tensor? max)
    {
        Tensor result = ElementwiseLoops.Allocate<float>(x.Dims, out Span<float> y);
        ReadOnlySpan<float> source = x.AsSpan<float>();
        if (min is not null)
        {
            TensorPrimitives.Max(source, min.AsSpan<float>()[0], y);
            source = y;
        }
        if (max is not null)
            TensorPrimitives.Min(source, max.AsSpan<float>()[0], y);
        else if (min is null)
            source.CopyTo(y);
        return result;
    }
}
