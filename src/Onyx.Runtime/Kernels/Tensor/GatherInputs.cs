using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// Checks shared by the gather, scatter and selection kernels: axes, index inputs and output sizes, each failing with
/// a message that names the node and the input.
/// </summary>
internal static class GatherInputs
{
    /// <summary>The input's name as the node writes it.</summary>
    public static string Name(KernelContext context, int input) =>
        input < context.Node.Node.Inputs.Count ? context.Node.Node.Inputs[input] : "";

    /// <summary><paramref name="axis"/> in [-rank, rank - 1] made non-negative; fails naming the attribute otherwise.</summary>
    public static int Axis(KernelContext context, long axis, int rank, string attribute = "axis")
    {
        if (axis < -rank || axis >= rank)
            throw context.Fail($"attribute '{attribute}' is {axis}, outside [{-rank}, {rank - 1}] for input 0 ('{Name(context, 0)}') of rank {rank}");
        return (int)(axis < 0 ? axis + rank : axis);
    }

    /// <summary>The values of an int32 or int64 input as int64.</summary>
    public static long[] Indices(KernelContext context, int input)
    {
        Tensor tensor = context.Tensor(input);
        return tensor.DataType switch
        {
            DataType.Int64 => tensor.AsSpan<long>().ToArray(),
            DataType.Int32 => Array.ConvertAll(tensor.AsSpan<int>().ToArray(), i => (long)i),
            _ => throw context.Fail($"input {input} ('{Name(context, input)}') is {tensor.DataType.TypeName()}; expected int32 or int64"),
        };
    }

    /// <summary>
    /// <paramref name="index"/> in [-dim, dim - 1] made non-negative (a negative index counts from the end); fails
    /// naming the input and the index otherwise.
    /// </summary>
    public static long Index(KernelContext context, int input, long index, long dim)
    {
        if (index < -dim || index >= dim)
            throw context.Fail($"input {input} ('{Name(context, input)}') holds index {index}, outside [{-dim}, {dim - 1}]");
        return index < 0 ? index + dim : index;
    }

    /// <summary>Every value of <paramref name="indices"/> checked and made non-negative by <see cref="Index"/>.</summary>
    public static void Normalize(KernelContext context, int input, Span<long> indices, long dim)
    {
        for (int i = 0; i < indices.Length; i++)
            indices[i] = Index(context, input, indices[i], dim);
    }

    /// <summary>An output of <paramref name="type"/> and <paramref name="dims"/> to assemble; fails when it is too large.</summary>
    public static IndexedTarget Output(KernelContext context, DataType type, long[] dims)
    {
        long count = context.ElementCount(dims);
        return IndexedTarget.Fits(type, count)
            ? new IndexedTarget(type, count)
            : throw context.Fail($"the output of type {type.TypeName()} and shape [{string.Join(",", dims)}] is larger than one array can hold");
    }

    /// <summary>Sets output <paramref name="index"/> to the assembled <paramref name="target"/>.</summary>
    public static void SetOutput(KernelContext context, int index, IndexedTarget target, long[] dims) =>
        context.SetOutput(index, OnnxValue.FromTensor(target.ToTensor(dims)));

    /// <summary>Fails unless the two inputs have the same element type.</summary>
    public static void SameType(KernelContext context, Tensor first, int firstInput, Tensor second, int secondInput)
    {
        if (first.DataType != second.DataType)
            throw context.Fail($"input {secondInput} ('{Name(context, secondInput)}') is {second.DataType.TypeName()}, but input {firstInput} ('{Name(context, firstInput)}') is {first.DataType.TypeName()}");
    }

    /// <summary>The dims as text, for messages.</summary>
    public static string Shape(IReadOnlyList<long> dims) => $"[{string.Join(",", dims)}]";
}
