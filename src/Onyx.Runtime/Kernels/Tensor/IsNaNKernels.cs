using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>IsNaN and IsInf (Operators.md) for every real element type: a bool per element.</summary>
internal static class IsNaNKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("IsNaN", _ => Classify(new IsNaNTest())),
        KernelRegistration.All("IsInf", node => Classify(new IsInfTest(
            node.Attributes.Int("detect_positive", 1) != 0, node.Attributes.Int("detect_negative", 1) != 0))),
    ];

    private readonly struct IsNaNTest : IRealTest
    {
        public bool Holds(double value) => double.IsNaN(value);
    }

    /// <summary>Infinities of the signs the attributes ask for; formats without infinities (E4M3FN, the FNUZ types) have none.</summary>
    private readonly struct IsInfTest(bool positive, bool negative) : IRealTest
    {
        public bool Holds(double value) => (positive && double.IsPositiveInfinity(value)) || (negative && double.IsNegativeInfinity(value));
    }

    private static Kernel Classify<TTest>(TTest test) where TTest : struct, IRealTest => new DelegateKernel(context =>
    {
        Tensor input = context.Tensor(0);
        if (!Conversion.IsReal(input.DataType))
            throw context.Fail($"input 0 ('{GatherInputs.Name(context, 0)}') is {input.DataType.TypeName()}; expected a floating-point type");
        Span<byte> flags = context.AllocateOutput(0, DataType.Bool, input.Dims);
        Conversion.Classify(input.DataType, input.RawData.Span, flags, test);
    });
}
