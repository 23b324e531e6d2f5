namespace Onyx.Runtime.Kernels.Sequence;

/// <summary>How sequence kernels read their inputs: the sequence itself, its element type, and a position in it.</summary>
internal static class SequenceValues
{
    /// <summary>Input <paramref name="index"/> as a sequence; fails naming the input when it is absent or not a sequence.</summary>
    public static OnnxValue Sequence(KernelContext context, int index)
    {
        OnnxValue value = context.Input(index) ?? throw context.Fail($"input {index} ('{InputName(context, index)}') is required but absent");
        return value.Kind == OnnxValueKind.Sequence
            ? value
            : throw context.Fail($"input {index} ('{InputName(context, index)}') must be a sequence, found a {value.Kind}");
    }

    /// <summary>The element type a sequence declares (what an empty one would hold), or null when it does not say.</summary>
    public static TypeInfo? ElementType(OnnxValue sequence) => (sequence.Type as SequenceTypeInfo)?.ElementType;

    /// <summary>A tensor element type without a shape: the elements of a sequence may differ in shape.</summary>
    public static TypeInfo TensorElement(DataType type) => TypeInfo.Tensor(type);

    /// <summary>
    /// Fails unless <paramref name="tensor"/> has the element type of <paramref name="sequence"/>'s elements: a
    /// sequence holds tensors of one type (the type constraint S = seq(T)).
    /// </summary>
    public static void RequireSameElementType(KernelContext context, OnnxValue sequence, Tensor tensor, int tensorIndex)
    {
        DataType expected = ElementType(sequence) is TensorTypeInfo t ? t.ElementType
            : sequence.Elements.Count > 0 && sequence.Elements[0].Kind == OnnxValueKind.Tensor ? sequence.Elements[0].ElementType
            : DataType.Undefined;
        if (expected != DataType.Undefined && tensor.DataType != expected)
            throw context.Fail($"input {tensorIndex} ('{InputName(context, tensorIndex)}') is {tensor.DataType.TypeName()} but the sequence holds {expected.TypeName()}");
    }

    /// <summary>
    /// The position given by input <paramref name="index"/> (a scalar int32 or int64) in a sequence of
    /// <paramref name="count"/> elements, negative positions counting from the back, accepted in [-count, count - 1]
    /// or, where inserting, [-count, count].
    /// </summary>
    public static int Position(KernelContext context, int index, int count, bool allowEnd)
    {
        Tensor position = context.Tensor(index);
        if (position.ElementCount != 1)
            throw context.Fail($"input {index} ('{InputName(context, index)}') must be a scalar position, found shape [{string.Join(",", position.Dims)}]");
        long value = position.DataType switch
        {
            DataType.Int32 => position.AsSpan<int>()[0],
            DataType.Int64 => position.AsSpan<long>()[0],
            _ => throw context.Fail($"input {index} ('{InputName(context, index)}') must be int32 or int64, found {position.DataType.TypeName()}"),
        };
        long last = allowEnd ? count : count - 1;
        if (value < -count || value > last)
            throw context.Fail($"input {index} ('{InputName(context, index)}') is position {value}, outside [{-count}, {last}] for a sequence of {count} elements");
        return (int)(value < 0 ? value + count : value);
    }

    public static string InputName(KernelContext context, int index) =>
        index < context.Node.Node.Inputs.Count ? context.Node.Node.Inputs[index] : "";
}
