using System.Runtime.InteropServices;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Sequence;

/// <summary>
/// Copies of tensors cut or joined along one axis, for every element type SplitToSequence and ConcatFromSequence
/// allow (whole-byte types by their bytes, strings by their values). Viewed around the axis, a tensor is
/// [outer, axis, inner]; a slice of the axis is one contiguous run per outer index.
/// </summary>
internal static class AxisBlocks
{
    /// <summary>True for the element types these copies handle: strings and whole-byte types.</summary>
    public static bool Supports(DataType type) => type == DataType.String || type.BitsPerElement() >= 8;

    /// <summary>Positions [<paramref name="start"/>, start + <paramref name="length"/>) of <paramref name="axis"/>, with dims <paramref name="dims"/>.</summary>
    public static Tensor Slice(Tensor source, int axis, long start, long length, long[] dims)
    {
        long outer = Product(source.Dims, 0, axis), inner = Product(source.Dims, axis + 1, source.Dims.Length);
        var runs = new Runs(outer, source.Dims[axis] * inner, start * inner, length * inner, 0);
        if (source.DataType == DataType.String)
        {
            var values = new byte[outer * runs.Length][];
            runs.Copy<byte[]>(CollectionsMarshal.AsSpan(source.Strings), values, 1);
            return StringTensors.FromUtf8(values, dims);
        }
        var bytes = new byte[checked(outer * runs.Length * ElementSize(source.DataType))];
        runs.Copy(source.RawData.Span, bytes, ElementSize(source.DataType));
        return new Tensor(source.DataType, dims, bytes);
    }

    /// <summary>
    /// <paramref name="parts"/> joined along <paramref name="axis"/> of the output, whose dims are
    /// <paramref name="dims"/>; part p fills <paramref name="lengths"/>[p] positions of that axis.
    /// </summary>
    public static Tensor Join(IReadOnlyList<Tensor> parts, long[] lengths, int axis, long[] dims)
    {
        long outer = Product(dims, 0, axis), inner = Product(dims, axis + 1, dims.Length), outputStride = dims[axis] * inner;
        DataType type = parts[0].DataType;
        bool strings = type == DataType.String;
        int size = strings ? 1 : ElementSize(type);
        byte[][] values = strings ? new byte[outer * outputStride][] : [];
        byte[] bytes = strings ? [] : new byte[checked(outer * outputStride * size)];
        long offset = 0;
        for (int p = 0; p < parts.Count; p++)
        {
            long run = lengths[p] * inner;
            var runs = new Runs(outer, run, 0, run, offset) { TargetStride = outputStride };
            if (strings)
                runs.Copy<byte[]>(CollectionsMarshal.AsSpan(parts[p].Strings), values, 1);
            else
                runs.Copy(parts[p].RawData.Span, bytes, size);
            offset += run;
        }
        return strings ? StringTensors.FromUtf8(values, dims) : new Tensor(type, dims, bytes);
    }

    private static long Product(IReadOnlyList<long> dims, int from, int to)
    {
        long product = 1;
        for (int i = from; i < to; i++)
            product *= dims[i];
        return product;
    }

    private static int ElementSize(DataType type) => type.BitsPerElement() / 8;

    /// <summary>
    /// <paramref name="Count"/> runs of <paramref name="Length"/> elements: run o starts at
    /// o·<paramref name="SourceStride"/> + <paramref name="SourceStart"/> in the source and at
    /// o·<see cref="TargetStride"/> + <paramref name="TargetStart"/> in the target (by default runs are packed).
    /// </summary>
    private readonly record struct Runs(long Count, long SourceStride, long SourceStart, long Length, long TargetStart)
    {
        public long TargetStride { get; init; } = Length;

        /// <summary>Copies the runs; elements are <paramref name="unit"/> items of <typeparamref name="T"/> each.</summary>
        public void Copy<T>(ReadOnlySpan<T> source, Span<T> target, int unit)
        {
            int length = checked((int)(Length * unit));
            for (long o = 0; o < Count; o++)
                source.Slice(checked((int)((o * SourceStride + SourceStart) * unit)), length)
                    .CopyTo(target[checked((int)((o * TargetStride + TargetStart) * unit))..]);
        }
    }
}
