using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Text;

/// <summary>The string operators: StringNormalizer, StringConcat, RegexFullMatch and StringSplit.</summary>
internal static class TextKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("StringNormalizer", StringNormalizerKernel.Create),
        KernelRegistration.All("StringConcat", _ => new DelegateKernel(Concat)),
        KernelRegistration.All("RegexFullMatch", RegexFullMatchKernel.Create),
        KernelRegistration.All("StringSplit", StringSplitKernel.Create),
    ];

    /// <summary>Input <paramref name="index"/> as a string tensor; fails naming the input otherwise.</summary>
    public static Tensor Strings(KernelContext context, int index)
    {
        Tensor tensor = context.Tensor(index);
        return tensor.DataType == DataType.String
            ? tensor
            : throw context.Fail($"input {index} ('{context.Node.Node.Inputs[index]}') must be a string tensor, found {tensor.DataType.TypeName()}");
    }

    /// <summary>StringConcat: element-wise X + Y with broadcasting; joining the UTF-8 bytes joins the texts.</summary>
    private static void Concat(KernelContext context)
    {
        Tensor x = Strings(context, 0), y = Strings(context, 1);
        long[] dims = Broadcasting.Shape(x.Dims, y.Dims)
            ?? throw context.Fail($"input shapes [{string.Join(",", x.Dims)}] and [{string.Join(",", y.Dims)}] cannot be broadcast");
        int[] xi = Broadcasting.Offsets(x.Dims, dims), yi = Broadcasting.Offsets(y.Dims, dims);
        var result = new byte[xi.Length][];
        for (int i = 0; i < result.Length; i++)
            result[i] = [.. x.Strings[xi[i]], .. y.Strings[yi[i]]];
        context.SetOutput(0, OnnxValue.FromTensor(StringTensors.FromUtf8(result, dims)));
    }
}
