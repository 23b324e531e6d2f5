namespace Onyx.Serialization;

/// <summary>Loading models from files (memory-mapped) and saving them, with or without external data.</summary>
internal static class ModelFile
{
    public static Model Load(string path, LoadOptions options)
    {
        string fullPath = Path.GetFullPath(path);
        MappedFile file = MappedFile.Open(fullPath);
        if (file.Length > ModelWriter.MaxMessageBytes)
            throw new OnnxFormatException("", 0, $"the file is {file.Length} bytes, but protobuf limits a model to 2 GiB; large weights belong in external data", path);
        LoadOptions effective = options.BaseDirectory is null ? options with { BaseDirectory = Path.GetDirectoryName(fullPath) } : options;
        return ModelReader.Read(file.Slice(0, (int)file.Length), effective, path);
    }

    public static void Save(Model model, string path, SaveOptions options)
    {
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath)!;
        var placements = new Dictionary<Tensor, ExternalDataReference>(ReferenceEqualityComparer.Instance);
        string? dataPath = null;
        if (options.ExternalDataThreshold is { } threshold)
        {
            string location = options.ExternalDataFileName ?? Path.GetFileName(fullPath) + ".data";
            var (resolved, problem) = ExternalDataPath.Resolve(folder, location, forWriting: true);
            dataPath = resolved ?? throw new ExternalDataException("", location, problem!);
            PlaceExternalTensors(model, location, threshold, Math.Max(1, options.ExternalDataAlignment), placements);
        }

        // Write beside the targets and move into place, so a model can be saved over the file it was
        // loaded (and is still mapped) from.
        string modelTemp = TemporaryPath(fullPath);
        string? dataTemp = dataPath is null ? null : TemporaryPath(dataPath);
        try
        {
            if (dataTemp is not null)
                WriteExternalData(dataTemp, placements);
            using (var stream = new FileStream(modelTemp, FileMode.CreateNew, FileAccess.Write))
                ModelWriter.Write(model, stream, placements);
            if (dataTemp is not null)
                File.Move(dataTemp, dataPath!, overwrite: true);
            File.Move(modelTemp, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(modelTemp);
            if (dataTemp is not null)
                File.Delete(dataTemp);
        }
    }

    private static string TemporaryPath(string path) => $"{path}.{Guid.NewGuid():N}.tmp";

    /// <summary>Assigns aligned offsets in one external file to every initializer of at least <paramref name="threshold"/> bytes, in graph order.</summary>
    private static void PlaceExternalTensors(Model model, string location, long threshold, int alignment, Dictionary<Tensor, ExternalDataReference> placements)
    {
        long offset = 0;
        foreach (Tensor tensor in ModelTraversal.Initializers(model))
        {
            if (tensor.DataType == DataType.String || tensor.RawData.Length < threshold || tensor.RawData.IsEmpty || placements.ContainsKey(tensor))
                continue;
            offset = (offset + alignment - 1) / alignment * alignment;
            placements[tensor] = new ExternalDataReference(location, offset, tensor.RawData.Length, null);
            offset += tensor.RawData.Length;
        }
    }

    private static void WriteExternalData(string path, Dictionary<Tensor, ExternalDataReference> placements)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        foreach (var (tensor, placement) in placements.OrderBy(p => p.Value.Offset))
        {
            long padding = placement.Offset - stream.Position;
            if (padding > 0)
                stream.Write(new byte[padding]);
            stream.Write(tensor.RawData.Span);
        }
    }
}
