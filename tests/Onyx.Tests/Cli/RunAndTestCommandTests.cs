using static Onyx.Tests.Cli.OnyxCli;

namespace Onyx.Tests.Cli;

public sealed class RunAndTestCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>sum = x + y over float[2,2].</summary>
    private string SaveAddModel()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 2), y = g.AddInput("y", DataType.Float, 2, 2);
        g.AddNode(new Node("Add", [x, y], ["sum"]));
        g.AddOutput("sum", DataType.Float, 2, 2);
        string path = _folder.File("model.onnx");
        g.ToModel(17).Save(path);
        return path;
    }

    [Fact]
    public void Run_on_the_readme_sample_prints_a_probability_row()
    {
        // The README's first command: `onyx run samples/mlp.onnx`, random inputs, a softmax over 3 classes.
        var (code, output, _) = Run("run", Building.SampleModels.MlpPath);

        Assert.Equal(0, code);
        Assert.StartsWith("softmax: float[1,3] = [", output.Trim());
        float[] probabilities = [.. output.Trim()[(output.IndexOf('[', output.IndexOf('=')) + 1)..^1].Split(", ").Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(1f, probabilities.Sum(), 1e-5f);
    }

    [Fact]
    public void Run_reads_pb_and_npy_inputs_and_writes_outputs()
    {
        string model = SaveAddModel();
        TensorFile.Write(_folder.File("x.pb"), Tensor.FromArray(new[] { 1f, 2f, 3f, 4f }, 2, 2));
        NpyFile.Write(_folder.File("y.npy"), Tensor.FromArray(new[] { 10f, 20f, 30f, 40f }, 2, 2));

        var (code, output, error) = Run("run", model, "--input", $"x={_folder.File("x.pb")}", "--input", $"y={_folder.File("y.npy")}", "--output-dir", _folder.File("out"));

        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Equal("sum: float[2,2] = [11, 22, 33, 44]\n", output);
        Assert.Equal([11f, 22f, 33f, 44f], TensorFile.ReadTensor(_folder.File("out/sum.pb")).ToArray<float>());
    }

    [Fact]
    public void Run_makes_up_missing_inputs_and_prints_json()
    {
        var (code, output, _) = Run("run", SaveAddModel(), "--json");

        Assert.Equal(0, code);
        Assert.Contains("\"shape\": [\n        2,\n        2\n      ]", output);
    }

    [Fact]
    public void Run_refuses_an_unknown_input_name_with_exit_code_2()
    {
        var (code, _, error) = Run("run", SaveAddModel(), "--input", "z=nowhere.pb");

        Assert.Equal(2, code);
        Assert.Contains("'z' is not an input", error);
    }

    [Fact]
    public void Test_passes_a_matching_data_set_and_fails_a_wrong_one()
    {
        SaveAddModel();
        string dataSet = Directory.CreateDirectory(_folder.File("test_data_set_0")).FullName;
        TensorFile.Write(Path.Combine(dataSet, "input_0.pb"), Tensor.FromArray(new[] { 1f, 2f, 3f, 4f }, 2, 2));
        TensorFile.Write(Path.Combine(dataSet, "input_1.pb"), Tensor.FromArray(new[] { 1f, 1f, 1f, 1f }, 2, 2));
        TensorFile.Write(Path.Combine(dataSet, "output_0.pb"), Tensor.FromArray(new[] { 2f, 3f, 4f, 5f }, 2, 2));

        var (passCode, passOutput, _) = Run("test", _folder.Path);
        TensorFile.Write(Path.Combine(dataSet, "output_0.pb"), Tensor.FromArray(new[] { 2f, 3f, 4.1f, 5f }, 2, 2));
        var (failCode, failOutput, _) = Run("test", _folder.Path);

        Assert.Equal(0, passCode);
        Assert.EndsWith("1 passed, 0 failed\n", passOutput);
        Assert.Equal(1, failCode);
        Assert.Contains("element 2: expected 4.099999904632568, got 4", failOutput);
        Assert.EndsWith("0 passed, 1 failed\n", failOutput);
    }

    [Fact]
    public void Run_json_writes_sequences_optionals_and_maps_with_their_contents()
    {
        var outputs = new Dictionary<string, Onyx.Runtime.OnnxValue>
        {
            ["s"] = Onyx.Runtime.OnnxValue.Sequence([Onyx.Runtime.OnnxValue.FromArray(new[] { 1f, 2f }, 2)]),
            ["m"] = Onyx.Runtime.OnnxValue.Map(Tensor.FromStrings(["a"], [1]), Tensor.FromArray(new[] { 3L }, 1)),
        };

        using var json = System.Text.Json.JsonDocument.Parse(Onyx.Cli.Commands.RunCommand.ToJson(outputs));

        var items = json.RootElement.GetProperty("outputs").EnumerateArray().ToArray();
        Assert.Equal("sequence", items[0].GetProperty("kind").GetString());
        Assert.Equal("2", items[0].GetProperty("elements")[0].GetProperty("values")[1].GetString());
        Assert.Equal("a", items[1].GetProperty("keys").GetProperty("values")[0].GetString());
        Assert.Equal("3", items[1].GetProperty("values").GetProperty("values")[0].GetString());
    }
}
