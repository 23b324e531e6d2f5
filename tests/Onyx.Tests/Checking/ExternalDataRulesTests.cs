using static Onyx.Tests.Checking.CheckAssert;

namespace Onyx.Tests.Checking;

public sealed class ExternalDataRulesTests : IDisposable
{
    private readonly TempFolder _outside = new();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _folder.Dispose();
        _outside.Dispose();
    }

    private CheckerOptions InFolder => new() { ModelDirectory = _folder.Path };

    /// <summary>The Relu graph with an external float[2] initializer "w".</summary>
    private static Model WithExternal(string location, long offset = 0, long? length = 8) =>
        WithExternal(Tensor.External("w", DataType.Float, [2], new ExternalDataReference(location, offset, length, null)));

    private static Model WithExternal(Tensor w)
    {
        GraphBuilder g = ReluGraph();
        g.Graph.Initializers.Add(w);
        return g.ToModel(17);
    }

    [Fact]
    public void Data_inside_the_model_folder_is_valid()
    {
        File.WriteAllBytes(_folder.File("w.bin"), new byte[16]);
        Valid(WithExternal("w.bin", 8), InFolder);
        Valid(WithExternal("w.bin", 8));
    }

    [Fact]
    public void Data_in_a_subfolder_is_valid()
    {
        Directory.CreateDirectory(_folder.File("data"));
        File.WriteAllBytes(_folder.File("data/w.bin"), new byte[8]);
        Valid(WithExternal("data/w.bin", length: null), InFolder);
    }

    [Theory]
    [InlineData("../w.bin")]
    [InlineData("data/../../w.bin")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void Locations_that_leave_the_folder_are_rejected_without_opening_anything(string location)
    {
        Model model = WithExternal(location);
        if (location.Length == 0)
        {
            Only(model, CheckCode.ExternalDataInvalid, "g");
            return;
        }
        CheckProblem p = Only(model, CheckCode.ExternalDataEscapes, "g");
        Assert.Contains("initializer 'w'", p.Message);
        Only(model, CheckCode.ExternalDataEscapes, "g", options: InFolder);
    }

    [Fact]
    public void Symbolic_link_to_a_folder_outside_is_rejected()
    {
        File.WriteAllBytes(Path.Combine(_outside.Path, "w.bin"), new byte[8]);
        Directory.CreateSymbolicLink(_folder.File("link"), _outside.Path);
        CheckProblem p = Only(WithExternal("link/w.bin"), CheckCode.ExternalDataEscapes, "g", options: InFolder);
        Assert.Contains("outside the model's folder", p.Message);
    }

    [Fact]
    public void Data_file_that_is_a_symbolic_link_is_rejected()
    {
        File.WriteAllBytes(_folder.File("real.bin"), new byte[8]);
        File.CreateSymbolicLink(_folder.File("w.bin"), _folder.File("real.bin"));
        Only(WithExternal("w.bin"), CheckCode.ExternalDataEscapes, "g", options: InFolder);
    }

    [Fact]
    public void Hard_linked_data_file_is_rejected()
    {
        if (!OperatingSystem.IsLinux())
            return;
        File.WriteAllBytes(Path.Combine(_outside.Path, "secret.bin"), new byte[8]);
        using var ln = System.Diagnostics.Process.Start("ln", [Path.Combine(_outside.Path, "secret.bin"), _folder.File("w.bin")]);
        ln.WaitForExit();
        Only(WithExternal("w.bin"), CheckCode.ExternalDataUnreadable, "g", options: InFolder);
    }

    [Fact]
    public void Missing_data_file() => Only(WithExternal("absent.bin"), CheckCode.ExternalDataUnreadable, "g", options: InFolder);

    [Fact]
    public void Offset_past_the_end_of_the_file()
    {
        File.WriteAllBytes(_folder.File("w.bin"), new byte[8]);
        Only(WithExternal("w.bin", offset: 16), CheckCode.ExternalDataUnreadable, "g", options: InFolder);
    }

    [Fact]
    public void Length_running_past_the_end_of_the_file()
    {
        File.WriteAllBytes(_folder.File("w.bin"), new byte[8]);
        Only(WithExternal("w.bin", offset: 4), CheckCode.ExternalDataUnreadable, "g", options: InFolder);
    }

    [Fact]
    public void Length_that_does_not_fit_the_shape()
    {
        File.WriteAllBytes(_folder.File("w.bin"), new byte[16]);
        Only(WithExternal("w.bin", length: 12), CheckCode.TensorPayloadSizeMismatch, "g", options: InFolder);
    }

    [Fact]
    public void Location_entry_missing()
    {
        Tensor w = Tensor.External("w", DataType.Float, [2], new ExternalDataReference("w.bin", 0, 8, null));
        w.ExternalData.RemoveAll(e => e.Key == "location");
        Only(WithExternal(w), CheckCode.ExternalDataInvalid, "g");
    }

    [Theory]
    [InlineData("offset", "-4")]
    [InlineData("length", "eight")]
    public void Offset_and_length_must_be_non_negative_integers(string key, string value)
    {
        Tensor w = Tensor.External("w", DataType.Float, [2], new ExternalDataReference("w.bin", 0, 8, null));
        w.ExternalData.Find(e => e.Key == key)!.Value = value;
        Only(WithExternal(w), CheckCode.ExternalDataInvalid, "g");
    }

    [Fact]
    public void String_tensors_cannot_be_external()
    {
        var w = new Tensor(DataType.String, [1]) { Name = "w", DataLocation = TensorDataLocation.External };
        w.ExternalData.AddRange(new ExternalDataReference("w.bin", 0, null, null).ToEntries());
        Only(WithExternal(w), CheckCode.ExternalDataInvalid, "g");
    }
}
