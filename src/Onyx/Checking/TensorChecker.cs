using System.Buffers.Binary;
using Onyx.Serialization;

namespace Onyx;

/// <summary>
/// Checks tensors and sparse tensors: a defined data type, valid dimensions, a payload that holds exactly
/// dims × element type, sparse indices that fit the dense shape, and external data that stays inside the model's
/// folder (onnx docs/ExternalDataSecurity.md, with the rules <see cref="ExternalDataPath"/> applies on load).
/// </summary>
internal sealed class TensorChecker(CheckContext context)
{
    /// <summary>Checks a dense tensor; <paramref name="what"/> names it in messages, e.g. <c>initializer 'w'</c>.</summary>
    public void CheckTensor(Tensor tensor, string what, NodeLocation location)
    {
        if (!tensor.DataType.IsDefined())
        {
            string type = tensor.DataType == DataType.Undefined ? "UNDEFINED" : ((int)tensor.DataType).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Add(CheckCode.TensorDataTypeUndefined, location, $"{what} has data type {type}; a tensor needs one of TensorProto.DataType's element types");
            return;
        }
        context.RequireIrVersion(tensor.DataType, what, location);
        if (ElementCount(tensor, what, location) is not long count)
            return;
        if (tensor.DataLocation == TensorDataLocation.External)
        {
            CheckExternal(tensor, count, what, location);
            return;
        }
        if (tensor.DataType == DataType.String)
        {
            if (tensor.RawData.Length > 0)
                context.Add(CheckCode.TensorPayloadSizeMismatch, location, $"{what} is STRING but holds {tensor.RawData.Length} bytes of raw_data; strings live in string_data");
            else if (tensor.Strings.Count != count)
                context.Add(CheckCode.TensorPayloadSizeMismatch, location, $"{what} of shape {Dims(tensor)} needs {count} strings but holds {tensor.Strings.Count}");
            return;
        }
        if (tensor.Strings.Count > 0)
            context.Add(CheckCode.TensorPayloadSizeMismatch, location, $"{what} is {tensor.DataType.ProtoName()} but holds {tensor.Strings.Count} strings; only STRING tensors use string_data");
        long expected = tensor.DataType.ByteCountOrMinusOne(count);
        if (tensor.RawData.Length != expected)
            context.Add(CheckCode.TensorPayloadSizeMismatch, location,
                $"{what} of type {tensor.DataType.ProtoName()} and shape {Dims(tensor)} needs {count} elements ({expected} bytes) but holds {Held(tensor)}");
    }

    /// <summary>Checks a sparse tensor: its values and indices tensors, and that they agree with the dense shape.</summary>
    public void CheckSparseTensor(SparseTensor sparse, string what, NodeLocation location)
    {
        if (sparse.Values is not { } values)
        {
            context.Add(CheckCode.SparseTensorInvalid, location, $"{what} has no values tensor");
            return;
        }
        int problemsBefore = context.Report.Problems.Count;
        CheckTensor(values, $"{what} values", location);
        if (values.Dims.Length != 1)
        {
            context.Add(CheckCode.SparseTensorInvalid, location, $"{what} values have shape {Dims(values)}; they must be 1-D [NNZ]");
            return;
        }
        long nnz = values.Dims[0];
        if (sparse.Dims.Length == 0)
        {
            context.Add(CheckCode.SparseTensorInvalid, location, $"{what} has an empty dense shape; its rank must be at least 1");
            return;
        }
        for (int i = 0; i < sparse.Dims.Length; i++)
        {
            if (sparse.Dims[i] <= 0)
            {
                context.Add(CheckCode.SparseTensorInvalid, location, $"{what} has dense dimension {i} of {sparse.Dims[i]}; dense dimensions must be positive");
                return;
            }
        }
        if (sparse.Indices is not { } indices)
        {
            if (nnz != 0)
                context.Add(CheckCode.SparseTensorInvalid, location, $"{what} has {nnz} values but no indices");
            return;
        }
        CheckTensor(indices, $"{what} indices", location);
        if (indices.DataType != DataType.Int64)
        {
            context.Add(CheckCode.SparseTensorInvalid, location, $"{what} indices are {indices.DataType.ProtoName()}; they must be INT64");
            return;
        }
        if (context.Report.Problems.Count > problemsBefore)
            return;
        switch (indices.Dims.Length)
        {
            case 1 when indices.Dims[0] != nnz:
                context.Add(CheckCode.SparseTensorInvalid, location, $"{what} has {indices.Dims[0]} linear indices but {nnz} values");
                return;
            case 2 when indices.Dims[0] != nnz || indices.Dims[1] != sparse.Dims.Length:
                context.Add(CheckCode.SparseTensorInvalid, location,
                    $"{what} indices have shape {Dims(indices)}; with {nnz} values and dense rank {sparse.Dims.Length} they must be [{nnz},{sparse.Dims.Length}]");
                return;
            case 1 or 2:
                if (indices.HasData && indices.RawData.Length == nnz * indices.Dims.Length * sizeof(long))
                    CheckIndexValues(sparse, indices, nnz, what, location);
                return;
            default:
                context.Add(CheckCode.SparseTensorInvalid, location, $"{what} indices have rank {indices.Dims.Length}; they must be [NNZ] or [NNZ, rank]");
                return;
        }
    }

    /// <summary>Each index must lie inside the dense shape, and the positions must be strictly increasing in row-major order.</summary>
    private void CheckIndexValues(SparseTensor sparse, Tensor indices, long nnz, string what, NodeLocation location)
    {
        long denseSize = 1;
        foreach (long d in sparse.Dims)
        {
            if (denseSize > long.MaxValue / d)
            {
                context.Add(CheckCode.SparseTensorInvalid, location, $"{what} has a dense shape {Dims(sparse.Dims)} whose element count overflows");
                return;
            }
            denseSize *= d;
        }
        bool linear = indices.Dims.Length == 1;
        ReadOnlySpan<byte> data = indices.RawData.Span;
        long previous = -1;
        for (long i = 0; i < nnz; i++)
        {
            long position;
            if (linear)
            {
                position = BinaryPrimitives.ReadInt64LittleEndian(data[(int)(i * sizeof(long))..]);
                if (position < 0 || position >= denseSize)
                {
                    context.Add(CheckCode.SparseTensorInvalid, location, $"{what} index {i} is {position}; linear indices must lie in [0, {denseSize - 1}]");
                    return;
                }
            }
            else
            {
                position = 0;
                for (int j = 0; j < sparse.Dims.Length; j++)
                {
                    long index = BinaryPrimitives.ReadInt64LittleEndian(data[(int)((i * sparse.Dims.Length + j) * sizeof(long))..]);
                    if (index < 0 || index >= sparse.Dims[j])
                    {
                        context.Add(CheckCode.SparseTensorInvalid, location, $"{what} index [{i},{j}] is {index}; it must lie in [0, {sparse.Dims[j] - 1}]");
                        return;
                    }
                    position = position * sparse.Dims[j] + index;
                }
            }
            if (position <= previous)
            {
                context.Add(CheckCode.SparseTensorInvalid, location, $"{what} index {i} is not after index {i - 1}; indices must be sorted and distinct");
                return;
            }
            previous = position;
        }
    }

    private long? ElementCount(Tensor tensor, string what, NodeLocation location)
    {
        long count = 1;
        for (int i = 0; i < tensor.Dims.Length; i++)
        {
            long d = tensor.Dims[i];
            if (d < 0)
            {
                context.Add(CheckCode.TensorDimsInvalid, location, $"{what} has dimension {i} of {d}; dimensions cannot be negative");
                return null;
            }
            if (d != 0 && count > long.MaxValue / d)
            {
                context.Add(CheckCode.TensorDimsInvalid, location, $"{what} has dimensions {Dims(tensor)} whose element count overflows");
                return null;
            }
            count *= d;
        }
        if (tensor.Segment is { } segment)
        {
            if (segment.Begin < 0 || segment.End < segment.Begin || segment.End > count)
            {
                context.Add(CheckCode.TensorDimsInvalid, location, $"{what} has segment [{segment.Begin}, {segment.End}), which does not lie within its {count} elements");
                return null;
            }
            count = segment.End - segment.Begin;
        }
        return count;
    }

    private void CheckExternal(Tensor tensor, long count, string what, NodeLocation location)
    {
        if (tensor.DataType == DataType.String || tensor.Strings.Count > 0)
        {
            context.Add(CheckCode.ExternalDataInvalid, location, $"{what} is stored externally but holds strings; STRING tensors cannot use external data");
            return;
        }
        ExternalDataReference reference;
        try
        {
            reference = ExternalDataReference.Parse(tensor);
        }
        catch (ExternalDataException e)
        {
            context.Add(CheckCode.ExternalDataInvalid, location, $"{what}: {e.Message}");
            return;
        }
        string? folder = context.Options.ModelDirectory;
        long? length;
        try
        {
            length = ExternalLength(reference, folder, what, location);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Add(CheckCode.ExternalDataUnreadable, location, $"{what} has external data location '{reference.Location}', which cannot be resolved: {e.Message}");
            return;
        }
        if (length is null)
            return;
        long expected = tensor.DataType.ByteCountOrMinusOne(count);
        if (length != expected)
            context.Add(CheckCode.TensorPayloadSizeMismatch, location,
                $"{what} of type {tensor.DataType.ProtoName()} and shape {Dims(tensor)} needs {expected} bytes but its external data holds {length}");
    }

    /// <summary>
    /// Applies the location rules and, with a model folder, finds how many bytes the reference covers in its file.
    /// Returns null when a problem was reported or when there is no folder to look in.
    /// </summary>
    private long? ExternalLength(ExternalDataReference reference, string? folder, string what, NodeLocation location)
    {
        // Without a folder only the location's own rules apply. With one, resolving for writing adds containment
        // (symbolic links followed); resolving for reading then adds existence and hard links.
        string? escape = folder is null
            ? ExternalDataPath.CheckLocation(reference.Location)
            : ExternalDataPath.Resolve(folder, reference.Location, forWriting: true).Problem;
        if (escape is not null)
        {
            context.Add(CheckCode.ExternalDataEscapes, location, $"{what} has external data location '{reference.Location}': {escape}");
            return null;
        }
        if (folder is null)
            return null;
        var (path, unreadable) = ExternalDataPath.Resolve(folder, reference.Location, forWriting: false);
        if (path is null)
        {
            context.Add(CheckCode.ExternalDataUnreadable, location, $"{what} has external data location '{reference.Location}': {unreadable}");
            return null;
        }
        long fileLength = new FileInfo(path).Length;
        if (reference.Offset > fileLength)
        {
            context.Add(CheckCode.ExternalDataUnreadable, location, $"{what} has external data offset {reference.Offset}, past the end of the {fileLength}-byte file '{reference.Location}'");
            return null;
        }
        long length = reference.Length ?? fileLength - reference.Offset;
        if (length > fileLength - reference.Offset)
        {
            context.Add(CheckCode.ExternalDataUnreadable, location,
                $"{what} has external data length {length} at offset {reference.Offset}, which runs past the end of the {fileLength}-byte file '{reference.Location}'");
            return null;
        }
        return length;
    }

    private static string Held(Tensor tensor)
    {
        int bits = tensor.DataType.BitsPerElement();
        if (!tensor.UseTypedField || bits < 8)
            return $"{tensor.RawData.Length} bytes of {(tensor.UseTypedField ? ModelReader.FieldName(tensor.DataType.TypedField()) : "raw_data")}";
        return $"{tensor.RawData.Length / (bits / 8)} values in {ModelReader.FieldName(tensor.DataType.TypedField())}";
    }

    private static string Dims(Tensor tensor) => Dims(tensor.Dims);

    private static string Dims(long[] dims) => $"[{string.Join(",", dims)}]";
}
