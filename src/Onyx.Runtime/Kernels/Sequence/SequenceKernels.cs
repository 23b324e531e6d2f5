namespace Onyx.Runtime.Kernels.Sequence;

/// <summary>
/// The sequence and optional operators: building, reading and editing sequences (SequenceConstruct, SequenceEmpty,
/// SequenceAt, SequenceInsert, SequenceErase, SequenceLength, SplitToSequence, ConcatFromSequence) and optionals
/// (Optional, OptionalHasElement, OptionalGetElement). Sequences are immutable values: an edit builds a new list of
/// the same element values, never copying tensors.
/// </summary>
internal static class SequenceKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("SequenceConstruct", _ => new DelegateKernel(Construct)),
        KernelRegistration.All("SequenceEmpty", Empty),
        KernelRegistration.All("SequenceAt", _ => new DelegateKernel(At)),
        KernelRegistration.All("SequenceInsert", _ => new DelegateKernel(Insert)),
        KernelRegistration.All("SequenceErase", _ => new DelegateKernel(Erase)),
        KernelRegistration.All("SequenceLength", _ => new DelegateKernel(Length)),
        KernelRegistration.All("SplitToSequence", SplitToSequenceKernel.Create),
        KernelRegistration.All("ConcatFromSequence", ConcatFromSequenceKernel.Create),
        .. OptionalKernels.Kernels,
    ];

    private static void Construct(KernelContext context)
    {
        DataType type = context.Tensor(0).DataType;
        var elements = new OnnxValue[context.InputCount];
        for (int i = 0; i < elements.Length; i++)
        {
            if (context.Tensor(i).DataType != type)
                throw context.Fail($"input {i} ('{SequenceValues.InputName(context, i)}') is {context.Tensor(i).DataType.TypeName()} but input 0 is {type.TypeName()}; a sequence holds one element type");
            elements[i] = context.Input(i)!;
        }
        context.SetOutput(0, OnnxValue.Sequence(elements, SequenceValues.TensorElement(type)));
    }

    /// <summary>SequenceEmpty: the dtype attribute (default float) says what the empty sequence would hold.</summary>
    private static Kernel Empty(KernelNode node)
    {
        long dtype = node.Attributes.Int("dtype", (long)DataType.Float);
        if (!Enum.IsDefined((DataType)dtype) || (DataType)dtype == DataType.Undefined)
            throw node.Fail($"attribute 'dtype' is {dtype}, not a tensor element type");
        OnnxValue empty = OnnxValue.Sequence([], SequenceValues.TensorElement((DataType)dtype));
        return new DelegateKernel(context => context.SetOutput(0, empty));
    }

    private static void At(KernelContext context)
    {
        OnnxValue sequence = SequenceValues.Sequence(context, 0);
        int position = SequenceValues.Position(context, 1, sequence.Elements.Count, allowEnd: false);
        context.SetOutput(0, sequence.Elements[position]);
    }

    /// <summary>SequenceInsert: without a position the tensor goes at the back.</summary>
    private static void Insert(KernelContext context)
    {
        OnnxValue sequence = SequenceValues.Sequence(context, 0);
        Tensor tensor = context.Tensor(1);
        SequenceValues.RequireSameElementType(context, sequence, tensor, 1);
        IReadOnlyList<OnnxValue> elements = sequence.Elements;
        int position = context.HasInput(2) ? SequenceValues.Position(context, 2, elements.Count, allowEnd: true) : elements.Count;
        var result = new List<OnnxValue>(elements);
        result.Insert(position, context.Input(1)!);
        context.SetOutput(0, OnnxValue.Sequence(result, SequenceValues.ElementType(sequence) ?? SequenceValues.TensorElement(tensor.DataType)));
    }

    /// <summary>SequenceErase: without a position the last tensor goes.</summary>
    private static void Erase(KernelContext context)
    {
        OnnxValue sequence = SequenceValues.Sequence(context, 0);
        IReadOnlyList<OnnxValue> elements = sequence.Elements;
        if (elements.Count == 0)
            throw context.Fail($"input 0 ('{SequenceValues.InputName(context, 0)}') is an empty sequence; there is nothing to erase");
        int position = context.HasInput(1) ? SequenceValues.Position(context, 1, elements.Count, allowEnd: false) : elements.Count - 1;
        var result = new List<OnnxValue>(elements);
        result.RemoveAt(position);
        context.SetOutput(0, OnnxValue.Sequence(result, SequenceValues.ElementType(sequence)));
    }

    private static void Length(KernelContext context)
    {
        OnnxValue sequence = SequenceValues.Sequence(context, 0);
        context.Output<long>(0, DataType.Int64, [])[0] = sequence.Elements.Count;
    }
}
