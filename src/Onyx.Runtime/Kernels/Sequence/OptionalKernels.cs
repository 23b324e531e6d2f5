namespace Onyx.Runtime.Kernels.Sequence;

/// <summary>Optional, OptionalHasElement and OptionalGetElement.</summary>
internal static class OptionalKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Optional", Optional),
        KernelRegistration.All("OptionalHasElement", _ => new DelegateKernel(HasElement)),
        KernelRegistration.All("OptionalGetElement", _ => new DelegateKernel(GetElement)),
    ];

    /// <summary>
    /// Optional wraps its input; without one it is an empty optional of the type the 'type' attribute names (the
    /// spec requires the attribute then; inference's output type stands in where the model omits it).
    /// </summary>
    private static Kernel Optional(KernelNode node)
    {
        if (node.HasInput(0))
            return new DelegateKernel(context => context.SetOutput(0, OnnxValue.Optional(context.Input(0)!)));
        TypeInfo type = node.Attributes.TypeProto("type")
            ?? (node.OutputTypes.Length > 0 ? (node.OutputTypes[0] as OptionalTypeInfo)?.ElementType : null)
            ?? throw node.Fail("without an input, attribute 'type' must say what the empty optional would hold");
        OnnxValue empty = OnnxValue.Optional(null, type);
        return new DelegateKernel(context => context.SetOutput(0, empty));
    }

    /// <summary>
    /// True when the input is an optional holding a value; since version 18 the input may be absent (false) or a
    /// tensor or sequence (true).
    /// </summary>
    private static void HasElement(KernelContext context)
    {
        OnnxValue? input = context.Input(0);
        context.Output<bool>(0, DataType.Bool, [])[0] = input is not null
            && (input.Kind != OnnxValueKind.Optional || input.Elements.Count > 0);
    }

    /// <summary>The value an optional holds (failing when it is empty); since version 18 a tensor or sequence passes through.</summary>
    private static void GetElement(KernelContext context)
    {
        OnnxValue input = context.Input(0) ?? throw context.Fail($"input 0 ('{SequenceValues.InputName(context, 0)}') is required but absent");
        if (input.Kind != OnnxValueKind.Optional)
        {
            context.SetOutput(0, input);
            return;
        }
        if (input.Elements.Count == 0)
            throw context.Fail($"input 0 ('{SequenceValues.InputName(context, 0)}') is an empty optional; it has no element to get");
        context.SetOutput(0, input.Elements[0]);
    }
}
