using System.Numerics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>Sum, Mean, Max and Min of any number of inputs under multidirectional broadcasting, every version.</summary>
internal static class VariadicKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Sum", _ => Fold<AddOp>(mean: false)),
        KernelRegistration.All("Mean", _ => Fold<AddOp>(mean: true)),
        KernelRegistration.All("Max", _ => Fold<MaxOp>(mean: false)),
        KernelRegistration.All("Min", _ => Fold<MinOp>(mean: false)),
    ];

    /// <summary>The larger of two elements; NaN if either is NaN (numpy's maximum, which the reference uses).</summary>
    public readonly struct MaxOp : INumericOperator { public T Apply<T>(T a, T b) where T : INumber<T> => T.Max(a, b); }

    /// <summary>The smaller of two elements; NaN if either is NaN.</summary>
    public readonly struct MinOp : INumericOperator { public T Apply<T>(T a, T b) where T : INumber<T> => T.Min(a, b); }

    private readonly struct AddOp : INumericOperator { public T Apply<T>(T a, T b) where T : INumber<T> => a + b; }

    private readonly record struct DivideByOp(int Count) : INumericFunction
    {
        public T Apply<T>(T x) where T : INumber<T> => x / T.CreateChecked(Count);
    }

    /// <summary>Folds the inputs pairwise from the first; the mean divides the sum by the input count.</summary>
    private static Kernel Fold<TOp>(bool mean) where TOp : struct, INumericOperator => ElementwiseKernel.Create((context, inputs) =>
    {
        if (inputs.Length == 0)
            throw context.Fail("at least one input is required");
        var tensors = new Tensor[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            tensors[i] = inputs[i] ?? throw context.Fail($"input {i} is required but absent");
            if (tensors[i].DataType != tensors[0].DataType)
                throw context.Fail($"input {i} has element type {tensors[i].DataType.TypeName()}; input 0 has {tensors[0].DataType.TypeName()}");
        }
        if (Broadcasting.Shape([.. tensors.Select(t => (IReadOnlyList<long>)t.Dims)]) is null)
            throw context.Fail($"input shapes {string.Join(", ", tensors.Select(t => $"[{string.Join(",", t.Dims)}]"))} cannot be broadcast");
        Tensor result = tensors[0];
        for (int i = 1; i < tensors.Length; i++)
            result = ElementwiseLoops.Zip(context, result, tensors[i], tensors[i].Dims, default(TOp));
        return mean ? ElementwiseLoops.MapNumeric(context, result, "0", new DivideByOp(tensors.Length)) : result;
    });
}
