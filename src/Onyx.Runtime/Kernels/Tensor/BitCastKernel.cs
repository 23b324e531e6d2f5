namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>BitCast (Operators.md, BitCast-26): the input's bytes, unchanged, read as another type of the same bit width.</summary>
internal static class BitCastKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("BitCast", Create)];

    private static Kernel Create(KernelNode node)
    {
        long to = node.Attributes.Int("to") ?? throw node.Fail("attribute 'to' is required");
        var target = (DataType)to;
        if (to is <= 0 or > int.MaxValue || !target.IsDefined() || target == DataType.String)
            throw node.Fail($"attribute 'to' ({to}) is not a non-string element type");
        return new DelegateKernel(context =>
        {
            Tensor input = context.Tensor(0);
            if (input.DataType == DataType.String || input.DataType.BitsPerElement() != target.BitsPerElement())
                throw context.Fail($"input 0 ('{node.Node.Inputs[0]}') is {input.DataType.TypeName()}, whose bit width differs from {target.TypeName()}'s");
            // Same width, same element count: the raw bytes are already the output's, little endian as the spec requires.
            context.SetOutput(0, OnnxValue.FromTensor(new Tensor(target, input.Dims, input.RawData)));
        });
    }
}
