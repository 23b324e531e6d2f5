namespace Onyx.Tests.Serialization;

/// <summary>Every model and data file of the ONNX backend test data loads, and survives save and load unchanged.</summary>
public sealed class BackendFilesRoundTripTests
{
    public static TheoryData<string> Models() => [.. BackendTestData.Files("*.onnx").Select(BackendTestData.Relative)];

    public static TheoryData<string> DataFiles() => [.. BackendTestData.Files("*.pb").Select(BackendTestData.Relative)];

    [Theory]
    [MemberData(nameof(Models))]
    public void Model_round_trips_semantically_and_resaves_byte_identically(string file)
    {
        Model first = Model.Load(Path.Combine(BackendTestData.Root, file));
        byte[] saved = first.ToBytes();
        Model second = Model.Parse(saved);
        IrComparer.AssertEqual(first, second);
        Assert.Equal(saved, second.ToBytes());
    }

    [Theory]
    [MemberData(nameof(DataFiles))]
    public void Data_file_round_trips_semantically_and_resaves_byte_identically(string file)
    {
        string path = Path.Combine(BackendTestData.Root, file);
        TypeInfo? declared = DeclaredType(path);
        object first = TensorFile.ReadValue(path, declared);
        string copy = Path.GetTempFileName();
        try
        {
            Write(copy, first);
            object second = TensorFile.ReadValue(copy, declared);
            IrComparer.AssertEqual(first, second);
            byte[] saved = File.ReadAllBytes(copy);
            Write(copy, second);
            Assert.Equal(saved, File.ReadAllBytes(copy));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>The type the test's model declares for the value (input_K: K-th non-initializer input; output_K: K-th output).</summary>
    private static TypeInfo? DeclaredType(string dataFile)
    {
        string modelPath = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(dataFile)!)!, "model.onnx");
        if (!File.Exists(modelPath))
            return null;
        Model model = Model.Load(modelPath);
        string name = Path.GetFileNameWithoutExtension(dataFile);
        int index = int.Parse(name[(name.LastIndexOf('_') + 1)..]);
        if (name.StartsWith("output", StringComparison.Ordinal))
            return model.Graph.Outputs[index].Type;
        var initializers = model.Graph.Initializers.Select(t => t.Name).ToHashSet();
        return model.Graph.Inputs.Where(i => !initializers.Contains(i.Name)).ElementAt(index).Type;
    }

    private static void Write(string path, object value)
    {
        switch (value)
        {
            case Tensor t: TensorFile.Write(path, t); break;
            case SequenceValue s: TensorFile.Write(path, s); break;
            case MapValue m: TensorFile.Write(path, m); break;
            case OptionalValue o: TensorFile.Write(path, o); break;
        }
    }
}
