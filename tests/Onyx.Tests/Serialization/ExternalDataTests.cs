using System.Runtime.InteropServices;

namespace Onyx.Tests.Serialization;

public sealed class ExternalDataTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Model ModelWith(params Tensor[] initializers)
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 4);
        string sum = x;
        foreach (Tensor t in initializers)
            sum = g.AddNode("Add", [sum, g.AddInitializer(t.Name, t)]);
        g.AddOutput(sum, DataType.Float, 4);
        return g.ToModel(21);
    }

    private static Tensor Ramp(string name, int count, float start = 0) =>
        new(DataType.Float, [count], MemoryMarshal.AsBytes(Enumerable.Range(0, count).Select(i => start + i).ToArray().AsSpan()).ToArray(), name);

    /// <summary>A model with one external FLOAT[4] tensor at <paramref name="location"/> with the given entries.</summary>
    private Model ModelReferencing(string location, params (string Key, string Value)[] extra)
    {
        // Built entry by entry (not with Tensor.External) so that tests can write malformed entries.
        var tensor = new Tensor(DataType.Float, [4]) { Name = "w", DataLocation = TensorDataLocation.External };
        tensor.ExternalData.Add(new MetadataEntry("location", location));
        foreach (var (k, v) in extra)
            tensor.ExternalData.Add(new MetadataEntry(k, v));
        var model = ModelWith();
        model.Graph.Initializers.Add(tensor);
        return model;
    }

    private Exception LoadReferencing(string location, params (string Key, string Value)[] extra)
    {
        string path = _folder.File("m.onnx");
        File.WriteAllBytes(path, ModelReferencing(location, extra).ToBytes());
        return Assert.ThrowsAny<OnyxException>(() => Model.Load(path));
    }

    [Fact]
    public void Saving_with_a_threshold_moves_large_tensors_out_and_maps_them_back()
    {
        Model model = ModelWith(Ramp("big", 1000), Ramp("small", 4, 7));
        string path = _folder.File("m.onnx");
        model.Save(path, new SaveOptions { ExternalDataThreshold = 1024 });

        Assert.True(File.Exists(path + ".data"));
        Model loaded = Model.Load(path);
        Tensor big = loaded.Graph.Initializers[0];
        Tensor small = loaded.Graph.Initializers[1];
        Assert.Equal(TensorDataLocation.External, big.DataLocation);
        Assert.Equal(new ExternalDataReference("m.onnx.data", 0, 4000, null), ExternalDataReference.Parse(big));
        Assert.Equal(TensorDataLocation.Default, small.DataLocation);
        Assert.Equal(999f, big.AsSpan<float>()[999]);
        Assert.Equal([7f, 8f, 9f, 10f], small.ToArray<float>());
        Assert.False(MemoryMarshal.TryGetArray(big.RawData, out _), "an external tensor should point into the mapped file, not an array");
    }

    [Fact]
    public void External_tensors_are_aligned_and_resaving_is_byte_identical()
    {
        Model model = ModelWith(Ramp("a", 300), Ramp("b", 500), Ramp("c", 300));
        string first = _folder.File("first.onnx");
        var options = new SaveOptions { ExternalDataThreshold = 1000, ExternalDataFileName = "weights.bin" };
        model.Save(first, options);
        Model loaded = Model.Load(first);
        Assert.Equal([0L, 4096L, 8192L], loaded.Graph.Initializers.Select(t => ExternalDataReference.Parse(t).Offset));

        string second = _folder.File("second.onnx");
        byte[] firstData = File.ReadAllBytes(_folder.File("weights.bin"));
        loaded.Save(second, options);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(firstData, File.ReadAllBytes(_folder.File("weights.bin")));
    }

    [Fact]
    public void A_model_can_be_saved_over_the_file_it_was_loaded_from()
    {
        string path = _folder.File("m.onnx");
        ModelWith(Ramp("w", 2000)).Save(path, new SaveOptions { ExternalDataThreshold = 16 });
        Model loaded = Model.Load(path);
        loaded.Save(path, new SaveOptions { ExternalDataThreshold = 16 });
        Assert.Equal(1999f, loaded.Graph.Initializers[0].AsSpan<float>()[1999]);
        Assert.Equal(1999f, Model.Load(path).Graph.Initializers[0].AsSpan<float>()[1999]);
        loaded.Save(path);
        Model inline = Model.Load(path);
        Assert.Equal(TensorDataLocation.Default, inline.Graph.Initializers[0].DataLocation);
        Assert.Equal(1999f, inline.Graph.Initializers[0].AsSpan<float>()[1999]);
    }

    [Fact]
    public void Keeping_references_saves_them_unchanged()
    {
        string path = _folder.File("m.onnx");
        ModelWith(Ramp("w", 2000)).Save(path, new SaveOptions { ExternalDataThreshold = 16 });
        Model kept = Model.Load(path, new LoadOptions { ExternalData = ExternalDataMode.KeepReferences });
        Assert.False(kept.Graph.Initializers[0].HasData);
        Assert.Throws<InvalidOperationException>(() => kept.Graph.Initializers[0].AsSpan<float>());
        Assert.Equal(File.ReadAllBytes(path), kept.ToBytes());
    }

    [Theory]
    [InlineData("../outside.bin", "contains '..'")]
    [InlineData("sub/../../outside.bin", "contains '..'")]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData("\\\\server\\share", "absolute path")]
    [InlineData("C:data.bin", "absolute path")]
    [InlineData("missing.bin", "does not exist")]
    [InlineData("", "missing or empty")]
    public void Locations_that_escape_or_do_not_exist_are_rejected(string location, string problem)
    {
        var e = LoadReferencing(location);
        Assert.IsType<ExternalDataException>(e);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void A_symlink_to_a_file_outside_the_folder_is_rejected()
    {
        using var outside = new TempFolder();
        File.WriteAllBytes(outside.File("secret"), new byte[16]);
        File.CreateSymbolicLink(_folder.File("w.bin"), outside.File("secret"));
        var e = LoadReferencing("w.bin");
        Assert.Contains("outside the model's folder", e.Message);
    }

    [Fact]
    public void A_symlink_inside_the_folder_is_rejected_as_the_final_component()
    {
        File.WriteAllBytes(_folder.File("real.bin"), new byte[16]);
        File.CreateSymbolicLink(_folder.File("w.bin"), _folder.File("real.bin"));
        var e = LoadReferencing("w.bin");
        Assert.Contains("symbolic link", e.Message);
    }

    [Fact]
    public void A_symlinked_parent_folder_pointing_outside_is_rejected()
    {
        using var outside = new TempFolder();
        File.WriteAllBytes(outside.File("secret"), new byte[16]);
        Directory.CreateSymbolicLink(_folder.File("sub"), outside.Path);
        var e = LoadReferencing("sub/secret");
        Assert.Contains("outside the model's folder", e.Message);
    }

    [Fact]
    public void A_hard_linked_file_is_rejected()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var outside = new TempFolder();
        File.WriteAllBytes(outside.File("secret"), new byte[16]);
        if (Link(outside.File("secret"), _folder.File("w.bin")) != 0)
            return; // the folders sit on different file systems; nothing to test here
        var e = LoadReferencing("w.bin");
        Assert.Contains("more than one hard link", e.Message);
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string created);

    [Theory]
    [InlineData("offset", "-1", "not a non-negative integer")]
    [InlineData("length", "12abc", "not a non-negative integer")]
    [InlineData("offset", "17", "offset 17 is past the end")]
    [InlineData("length", "32", "runs past the end")]
    [InlineData("length", "8", "holds 8 bytes but FLOAT[4] needs 16")]
    public void Offsets_and_lengths_are_checked_against_the_file(string key, string value, string problem)
    {
        File.WriteAllBytes(_folder.File("w.bin"), new byte[16]);
        var e = LoadReferencing("w.bin", (key, value));
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Saving_refuses_an_escaping_data_file_name()
    {
        var e = Assert.Throws<ExternalDataException>(() =>
            ModelWith(Ramp("w", 10)).Save(_folder.File("m.onnx"), new SaveOptions { ExternalDataThreshold = 1, ExternalDataFileName = "../x.bin" }));
        Assert.Contains("contains '..'", e.Message);
    }

    [Fact]
    public void Models_whose_weights_exceed_2_GiB_save_with_external_data()
    {
        // The weights are views of a sparse file, so the test needs neither 2.4 GB of memory nor of reads from disk.
        const long tensorBytes = 800L * 1024 * 1024;
        using (var stream = File.Create(_folder.File("source.bin")))
        {
            stream.SetLength(3 * tensorBytes);
            stream.Position = 3 * tensorBytes - 1;
            stream.WriteByte(42);
        }
        Model shell = ModelWith();
        for (int i = 0; i < 3; i++)
            shell.Graph.Initializers.Add(Tensor.External($"w{i}", DataType.UInt8, [tensorBytes], new ExternalDataReference("source.bin", i * tensorBytes, tensorBytes, null)));
        File.WriteAllBytes(_folder.File("shell.onnx"), shell.ToBytes());
        Model big = Model.Load(_folder.File("shell.onnx"));

        var inline = Assert.Throws<OnyxException>(() => big.ToBytes());
        Assert.Contains("protobuf limits a message to 2 GiB", inline.Message);

        big.Save(_folder.File("big.onnx"), new SaveOptions { ExternalDataThreshold = 1 << 20 });
        Assert.Equal(3 * tensorBytes, new FileInfo(_folder.File("big.onnx.data")).Length);
        Model reloaded = Model.Load(_folder.File("big.onnx"));
        Assert.Equal(2 * tensorBytes, ExternalDataReference.Parse(reloaded.Graph.Initializers[2]).Offset);
        Assert.Equal(42, reloaded.Graph.Initializers[2].AsSpan<byte>()[(int)tensorBytes - 1]);
    }
}
