using System.Numerics;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>Binarizer (Operators-ml.md): 1 where X exceeds 'threshold', 0 elsewhere (NaN too), in X's element type.</summary>
internal static class BinarizerKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "Binarizer", 1, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        double threshold = node.Attributes.Float("threshold", 0f);
        return new DelegateKernel(context =>
        {
            Tensor x = context.Tensor(0);
            switch (x.DataType)
            {
                case DataType.Float: Binarize<float>(context, x, threshold); break;
                case DataType.Double: Binarize<double>(context, x, threshold); break;
                case DataType.Int64: Binarize<long>(context, x, threshold); break;
                case DataType.Int32: Binarize<int>(context, x, threshold); break;
                default: throw context.Fail($"input 0 ('{Compute.MlTypedTensors.InputName(context, 0)}') is {x.DataType.TypeName()}; expected float, double, int64 or int32");
            }
        });
    }

    private static void Binarize<T>(KernelContext context, Tensor x, double threshold) where T : unmanaged, INumber<T>
    {
        ReadOnlySpan<T> values = x.AsSpan<T>();
        Span<T> output = context.Output<T>(0, x.DataType, x.Dims);
        for (int i = 0; i < values.Length; i++)
            output[i] = double.CreateTruncating(values[i]) > threshold ? T.One : T.Zero;
    }
}
