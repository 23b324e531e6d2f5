namespace Onyx.Runtime.Kernels.OnyxDomain;

/// <summary>Gelu (ai.onyx): Gelu-20 on float tensors, exactly through erf or by the tanh estimate ('approximate').</summary>
internal static class GeluKernel
{
    public static Kernel Create(KernelNode node)
    {
        bool tanh = node.Choice("approximate", "none", ("none", false), ("tanh", true));
        FusedActivationFunction activation = FusedActivationFunction.Gelu(tanh);
        return new DelegateKernel(context =>
        {
            Tensor x = context.Tensor(0);
            if (x.DataType != DataType.Float)
                throw context.Fail($"input X is {x.DataType.TypeName()}; expected float");
            Span<float> y = context.Output<float>(0, DataType.Float, x.Dims);
            x.AsSpan<float>().CopyTo(y);
            activation.Apply(y);
        });
    }
}
