using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Sequence;

/// <summary>
/// Copies of tensors cut or joined along one axis, for every element type SplitToSequence and ConcatFromSequence
/// allow (whole-byte types by their bytes, strings by their values). Viewed around the axis, a tensor is
/// [outer, axis, inner]; a slice of the axis is one contiguous run per outer index.
/// </summary>
internal static class AxisBlocks
{
    /// <summary>The product of <paramref name="dims"/>[<paramref name="from"/>..<paramref name="to"/>).</summary>
    public static long Product(IReadOnlyList<long> dims, int from, int to)
    {
        long product = 1;
        for (int i = from; i < to; i++)
            product *= dims[i];
        return product;
    }

    /// <summary>Positions [<paramref name="start"/>, start + <paramref name="length"/>) of <paramref name="axis"/>, with dims <paramref name="dims"/>.</summary>
    public static Tensor Slice(Tensor source, int axis, long start, long length, long[] dims)
    {
        long outer = Product(source.Dims, 0, axis), inner = Product(source.Dims, axis + 1, source.Dims.Length);
        long sourceRun = source.Dims[axis] * inner, run = length * inner;
        if (source.DataType == DataType.String)
        {
            byte[][] values = [.. source.Strings];
            var result = new byte[outer * run][];
            for (long o = 0; o < outer; o++)
                Array.Copy(values, o * sourceRun + start * inner, result, o * run, run);
            return StringTensors.FromUtf8(result, dims);
        }
        int size = ElementSize(source.DataType);
        ReadOnlySpan<byte> from = source.RawData.Span;
        var bytes = new byte[outer * run * size];
        for (long o = 0; o < outer; o++)
            from.Slice(checked((int)((o * sourceRun + start * inner) * size)), checked((int)(run * size)))
                .CopyTo(bytes.AsSpan(checked((int)(o * run * size))));
        return new Tensor(source.DataType, dims, bytes);
    }

    /// <summary>
    /// <paramref name="parts"/> joined along <paramref name="axis"/> of the output, whose dims are
    /// <paramref name="dims"/>; part p fills <paramref name="lengths"/>[p] positions of that axis.
    /// </summary>
    public static Tensor Join(IReadOnlyList<Tensor> parts, long[] lengths, int axis, long[] dims)
    {
        long outer = Product(dims, 0, axis), inner = Product(dims, axis + 1, dims.Length), outputRun = dims[axis] * inner;
        DataType type = parts[0].DataType;
        if (type == DataType.String)
        {
            var result = new byte[outer * outputRun][];
            long offset = 0;
            for (int p = 0; p < parts.Count; p++)
            {
                byte[][] values = [.. parts[p].Strings];
                long run = lengths[p] * inner;
                for (long o = 0; o < outer; o++)
                    Array.Copy(values, o * run, result, o * outputRun + offset, run);
                offset += run;
            }
            return StringTensors.FromUtf8(result, dims);
        }
        int size = ElementSize(type);
        var bytes = new byte[checked(outer * outputRun * size)];
        long start = 0;
        for (int p = 0; p < parts.Count; p++)
        {
            ReadOnlySpan<byte> from = parts[p].RawData.Span;
            int run = checked((int)(lengths[p] * inner * size));
            for (long o = 0; o < outer; o++)
                from.Slice(checked((int)(o * run)), run).CopyTo(bytes.AsSpan(checked((int)((o * outputRun + start) * size))));
            start += lengths[p] * inner;
        }
        return new Tensor(type, dims, bytes);
    }

    /// <summary>True for the element types these copies handle: strings and whole-byte types.</summary>
    public static bool Supports(DataType type) => type == DataType.String || type.BitsPerElement() >= 8;

    private static int ElementSize(DataType type) => type.BitsPerElement() / 8;
}
