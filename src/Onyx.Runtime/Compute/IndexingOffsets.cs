namespace Onyx.Runtime.Compute;

/// <summary>
/// Element offsets in row-major tensors for the index-driven operators: positions along one axis
/// (GatherElements, ScatterElements) and index tuples selecting slices (GatherND, ScatterND). Index values must
/// already lie within their dims.
/// </summary>
internal static class IndexingOffsets
{
    /// <summary>The product of <paramref name="dims"/> from <paramref name="start"/> up to <paramref name="end"/> (exclusive).</summary>
    public static long Product(IReadOnlyList<long> dims, int start, int end)
    {
        long product = 1;
        for (int i = start; i < end; i++)
            product *= dims[i];
        return product;
    }

    /// <summary>Row-major strides, in elements, of a tensor of <paramref name="dims"/>.</summary>
    public static long[] Strides(IReadOnlyList<long> dims)
    {
        var strides = new long[dims.Count];
        long stride = 1;
        for (int i = dims.Count - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= dims[i];
        }
        return strides;
    }

    /// <summary>
    /// For each element of an index tensor of <paramref name="indexDims"/> (no dim larger than the data's, the same
    /// rank), the offset in data of <paramref name="dataDims"/> of the element at the same position but with its
    /// <paramref name="axis"/> coordinate replaced by the index.
    /// </summary>
    public static long[] AlongAxis(IReadOnlyList<long> dataDims, IReadOnlyList<long> indexDims, int axis, ReadOnlySpan<long> indices)
    {
        long[] strides = Strides(dataDims);
        var offsets = new long[indices.Length];
        var position = new long[indexDims.Count];
        long offset = 0;
        for (int i = 0; i < indices.Length; i++)
        {
            offsets[i] = offset + indices[i] * strides[axis];
            // Step the position odometer-wise; 'offset' tracks it, leaving out the axis coordinate.
            for (int d = indexDims.Count - 1; d >= 0; d--)
            {
                position[d]++;
                if (d != axis)
                    offset += strides[d];
                if (position[d] < indexDims[d])
                    break;
                if (d != axis)
                    offset -= strides[d] * position[d];
                position[d] = 0;
            }
        }
        return offsets;
    }

    /// <summary>
    /// For each of the <paramref name="tupleCount"/> index tuples of <paramref name="tupleLength"/> values in
    /// <paramref name="tuples"/>, the offset in data of <paramref name="dataDims"/> of the slice it selects. The first
    /// <paramref name="batchDims"/> dims are batch dims: each run of <paramref name="tuplesPerBatch"/> tuples indexes
    /// its own batch.
    /// </summary>
    public static long[] OfTuples(IReadOnlyList<long> dataDims, int batchDims, ReadOnlySpan<long> tuples, int tupleLength, long tupleCount, long tuplesPerBatch)
    {
        long[] strides = Strides(dataDims);
        long batchStride = Product(dataDims, batchDims, dataDims.Count);
        var offsets = new long[tupleCount];
        for (long t = 0; t < tupleCount; t++)
        {
            long offset = t / tuplesPerBatch * batchStride;
            for (int j = 0; j < tupleLength; j++)
                offset += tuples[(int)(t * tupleLength + j)] * strides[batchDims + j];
            offsets[t] = offset;
        }
        return offsets;
    }
}
