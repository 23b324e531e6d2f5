using System.Text.Json;
using static Onyx.Tests.Cli.OnyxCli;

namespace Onyx.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Save(GraphBuilder g, string name = "model.onnx")
    {
        string path = _folder.File(name);
        g.ToModel(17).Save(path);
        return path;
    }

    /// <summary>x[N,3] + y → Abs; y is [3] (valid) or [4] (the shapes cannot broadcast, which only inference sees).</summary>
    private static GraphBuilder AddGraph(long yLength)
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, "N", 3);
        string y = g.AddInput("y", DataType.Float, yLength);
        g.AddOutput(g.AddNode("Abs", [g.AddNode("Add", [x, y])]), DataType.Float, "N", 3);
        return g;
    }

    [Fact]
    public void A_valid_model_exits_with_0()
    {
        var (code, output, error) = Run("check", Save(AddGraph(3)));

        Assert.Equal(0, code);
        Assert.EndsWith("model.onnx: valid (0 errors, 0 warnings)\n", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void An_undefined_input_exits_with_1_and_names_code_and_node()
    {
        GraphBuilder g = AddGraph(3);
        g.Graph.Nodes[1].Inputs[0] = "missing";

        var (code, output, _) = Run("check", Save(g));

        Assert.Equal(1, code);
        Assert.Matches(@"ONYX-C025 undefined-input at g: node 1 '\S+' \(Abs-13\):", output);
        Assert.Contains("'missing'", output);
        Assert.EndsWith("invalid (1 error, 0 warnings)\n", output);
    }

    [Fact]
    public void Inference_problems_are_errors_unless_structural()
    {
        string path = Save(AddGraph(4));

        var (full, output, _) = Run("check", path);
        var (structural, _, _) = Run("check", path, "--structural");

        Assert.Equal(1, full);
        Assert.Contains("ONYX-C120", output);
        Assert.Equal(0, structural);
    }

    [Fact]
    public void Json_lists_every_problem_with_code_and_location()
    {
        GraphBuilder g = AddGraph(3);
        g.Graph.Nodes[0].Attributes.Add(Attribute.Create("alpha", 1.0f));
        g.Graph.Nodes[1].Inputs[0] = "missing";

        var (code, output, _) = Run("check", Save(g), "--json");

        Assert.Equal(1, code);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        JsonElement[] problems = [.. json.RootElement.GetProperty("problems").EnumerateArray()];
        Assert.Equal(2, problems.Length);
        Assert.All(problems, p => Assert.Equal("error", p.GetProperty("severity").GetString()));
        JsonElement undefined = problems.Single(p => p.GetProperty("name").GetString() == "undefined-input");
        Assert.Equal("ONYX-C025", undefined.GetProperty("code").GetString());
        JsonElement location = undefined.GetProperty("location");
        Assert.Equal(("g", 1, "Abs", "ai.onnx", 13), (location.GetProperty("graph").GetString(), location.GetProperty("nodeIndex").GetInt32(),
            location.GetProperty("opType").GetString(), location.GetProperty("domain").GetString(), location.GetProperty("version").GetInt32()));
    }

    [Fact]
    public void Missing_external_data_is_reported_against_the_model_folder()
    {
        GraphBuilder g = AddGraph(3);
        g.Graph.Initializers.Add(Tensor.External("y", DataType.Float, [3], new ExternalDataReference("absent.bin", 0, 12, null)));

        var (code, output, _) = Run("check", Save(g));

        Assert.Equal(1, code);
        Assert.Contains(CheckCode.ExternalDataUnreadable.Id(), output);
    }

    [Fact]
    public void Unreadable_files_exit_with_2()
    {
        File.WriteAllBytes(_folder.File("bad.onnx"), [0xFF, 0xFF, 0xFF]);

        var (code, output, error) = Run("check", _folder.File("bad.onnx"));

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("onyx check: cannot read", error);
    }
}
