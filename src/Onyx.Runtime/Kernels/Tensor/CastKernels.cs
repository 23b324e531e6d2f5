using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// Cast and CastLike (Operators.md, Cast): every element type the schemas allow, strings included; the rules live in
/// <see cref="Conversion"/> and <see cref="ConversionStrings"/>.
/// </summary>
internal static class CastKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Cast", node => Cast(node, TargetOf(node), OptionsOf(node))),
        KernelRegistration.All("CastLike", node => Cast(node, null, OptionsOf(node))),
    ];

    /// <summary>Cast-1 names the type ("FLOAT"); later versions give its DataType number.</summary>
    private static DataType TargetOf(KernelNode node)
    {
        Attribute to = node.Attributes.Find("to") ?? throw node.Fail("attribute 'to' is required");
        DataType target = to.Type == AttributeType.String
            ? Array.Find(Enum.GetValues<DataType>(), t => t.IsDefined() && string.Equals(t.ProtoName(), to.StringValue, StringComparison.OrdinalIgnoreCase))
            : to.Type == AttributeType.Int && to.Int is > 0 and <= int.MaxValue ? (DataType)to.Int : DataType.Undefined;
        return Conversion.Supports(target) || target == DataType.String
            ? target
            : throw node.Fail($"attribute 'to' ({(to.Type == AttributeType.String ? to.StringValue : to.Int)}) is not an element type Cast converts to");
    }

    /// <summary>The saturate and round_mode attributes (Cast and CastLike 19 and 24); earlier versions behave as their defaults.</summary>
    private static ConversionOptions OptionsOf(KernelNode node)
    {
        bool saturate = node.Attributes.Int("saturate", 1) != 0;
        Float8E8M0Rounding rounding = node.Attributes.String("round_mode", "up") switch
        {
            "up" => Float8E8M0Rounding.Up,
            "down" => Float8E8M0Rounding.Down,
            "nearest" => Float8E8M0Rounding.Nearest,
            var mode => throw node.Fail($"attribute 'round_mode' is '{mode}'; expected 'up', 'down' or 'nearest'"),
        };
        return new ConversionOptions(saturate, rounding);
    }

    /// <summary>Casts input 0 to <paramref name="target"/>, or for CastLike (null) to the element type of input 1.</summary>
    private static Kernel Cast(KernelNode node, DataType? target, ConversionOptions options) => new DelegateKernel(context =>
    {
        Tensor input = context.Tensor(0);
        DataType from = input.DataType, to = target ?? context.Tensor(1).DataType;
        if (from == to)
        {
            context.SetOutput(0, OnnxValue.FromTensor(input));
            return;
        }
        if (from != DataType.String && !Conversion.Supports(from))
            throw context.Fail($"input 0 ('{node.Node.Inputs[0]}') is {from.TypeName()}, which Cast does not convert");
        if (!Conversion.Supports(to) && to != DataType.String)
            throw context.Fail($"input 1 ('{node.Node.Inputs[1]}') is {to.TypeName()}, which Cast does not convert to");
        long count = context.ElementCount(input.Dims);
        if (to == DataType.String)
        {
            context.SetOutput(0, OnnxValue.FromTensor(Tensor.FromStrings(ConversionStrings.Format(from, input.RawData.Span, count), input.Dims)));
            return;
        }
        Span<byte> output = context.AllocateOutput(0, to, input.Dims);
        if (from == DataType.String)
        {
            int bad = ConversionStrings.Parse(input.Strings, to, output, options);
            if (bad >= 0)
                throw context.Fail($"input 0 ('{node.Node.Inputs[0]}') element {bad}, '{input.ToStrings()[bad]}', is not a number");
            return;
        }
        Conversion.Convert(from, input.RawData.Span, to, output, count, options);
    });
}
