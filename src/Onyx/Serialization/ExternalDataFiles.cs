namespace Onyx.Serialization;

/// <summary>
/// Resolves the external data of the tensors of one load against the model's folder, mapping each file once.
/// </summary>
internal sealed class ExternalDataFiles(string baseDirectory)
{
    private readonly Dictionary<string, MappedFile> _files = new(StringComparer.Ordinal);

    public void Resolve(Tensor tensor, long elementCount, ReadContext context, int offset)
    {
        if (tensor.DataType is DataType.String or DataType.Undefined)
            throw context.Error(offset, $"tensor '{tensor.Name}' of type {tensor.DataType.ProtoName()} cannot be stored externally");
        var reference = ExternalDataReference.Parse(tensor);
        var (path, problem) = ExternalDataPath.Resolve(baseDirectory, reference.Location, forWriting: false);
        if (path is null)
            throw new ExternalDataException(tensor.Name, reference.Location, problem!);
        if (!_files.TryGetValue(path, out MappedFile? file))
            _files[path] = file = Open(tensor, reference.Location, path);

        if (reference.Offset > file.Length)
            throw new ExternalDataException(tensor.Name, reference.Location, $"offset {reference.Offset} is past the end of the {file.Length}-byte file");
        long available = file.Length - reference.Offset;
        long length = reference.Length ?? available;
        if (length > available)
            throw new ExternalDataException(tensor.Name, reference.Location, $"length {length} at offset {reference.Offset} runs past the end of the {file.Length}-byte file");
        long expected = tensor.DataType.ByteCountOrMinusOne(elementCount);
        if (length != expected)
            throw new ExternalDataException(tensor.Name, reference.Location, $"holds {length} bytes but {tensor.DataType.ProtoName()}[{string.Join(",", tensor.Dims)}] needs {expected}");
        if (length > int.MaxValue)
            throw new ExternalDataException(tensor.Name, reference.Location, $"a single tensor of {length} bytes exceeds the 2 GiB Onyx can map per tensor");
        tensor.RawData = file.Slice(reference.Offset, (int)length);
    }

    private static MappedFile Open(Tensor tensor, string location, string path)
    {
        try
        {
            return MappedFile.Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExternalDataException(tensor.Name, location, $"cannot be opened: {e.Message}");
        }
    }
}
