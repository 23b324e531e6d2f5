using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>LpNormalization: each vector along 'axis' divided by its L1 or L2 norm; a zero vector stays zero, as the reference has it.</summary>
internal sealed class LpNormalizationKernel(long axis, long p) : Kernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("LpNormalization", Create)];

    private static Kernel Create(KernelNode node)
    {
        long p = node.Attributes.Int("p", 2);
        return p is 1 or 2 ? new LpNormalizationKernel(node.Attributes.Int("axis", -1), p) : throw node.Fail($"attribute 'p' is {p}; expected 1 or 2");
    }

    public override void Run(KernelContext context)
    {
        Tensor input = context.Tensor(0);
        int along = Axis(context, axis, input.Dims.Length);
        long length = input.Dims[along], inner = IndexingOffsets.Product(input.Dims, along + 1, input.Dims.Length);
        double[] values = RealTensors.Read(context, input, "input");
        for (long start = 0; start < values.Length; start += length * inner)
        {
            for (long i = 0; i < inner; i++)
            {
                double norm = 0;
                for (long j = 0; j < length; j++)
                    norm += p == 1 ? System.Math.Abs(values[start + j * inner + i]) : values[start + j * inner + i] * values[start + j * inner + i];
                norm = p == 1 ? norm : System.Math.Sqrt(norm);
                for (long j = 0; j < length && norm != 0; j++)
                    values[start + j * inner + i] /= norm;
            }
        }
        RealTensors.Write(context, 0, input.DataType, input.Dims, values);
    }
}
