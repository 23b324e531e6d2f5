using System.Text.Json;
using static Onyx.Tests.Cli.OnyxCli;

namespace Onyx.Tests.Cli;

public sealed class BenchCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>y = Relu(x) over float[batch, 4].</summary>
    private string SaveReluModel(string file = "model.onnx")
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, "batch", 4);
        g.AddNode(new Node("Relu", [x], ["y"]));
        g.AddOutput("y", DataType.Float, "batch", 4);
        string path = _folder.File(file);
        g.ToModel(17).Save(path);
        return path;
    }

    private static JsonElement Input(JsonDocument json) => json.RootElement.GetProperty("inputs")[0];

    [Fact]
    public void Bench_json_reports_creation_latency_memory_and_allocation()
    {
        var (code, output, error) = Run("bench", SaveReluModel(), "--runs", "3", "--warmup", "1", "--threads", "1", "--json");

        Assert.Equal("", error);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal(1, root.GetProperty("threads").GetInt32());
        Assert.Equal("all", root.GetProperty("optimizationLevel").GetString());
        Assert.Equal(3, root.GetProperty("runs").GetInt32());
        Assert.True(root.GetProperty("sessionCreationMs").GetDouble() > 0);
        JsonElement latency = root.GetProperty("latencyMs");
        Assert.Equal(3, latency.GetProperty("runs").GetArrayLength());
        double min = latency.GetProperty("min").GetDouble(), median = latency.GetProperty("median").GetDouble(), p90 = latency.GetProperty("p90").GetDouble();
        Assert.True(min > 0 && min <= median && median <= p90);
        Assert.True(root.GetProperty("peakWorkingSetBytes").GetInt64() > 0);
        Assert.True(root.GetProperty("allocatedBytesPerRun").GetProperty("mean").GetDouble() >= 0);
        Assert.True(root.GetProperty("allocatedBytesPerRun").GetProperty("median").GetDouble() >= 0);
        Assert.Equal("generated", Input(json).GetProperty("source").GetString());
        Assert.Equal([1L, 4L], Input(json).GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
    }

    [Fact]
    public void Bench_gives_symbolic_dims_the_values_of_dims()
    {
        var (code, output, _) = Run("bench", SaveReluModel(), "--runs", "1", "--warmup", "0", "--dims", "batch=3", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal([3L, 4L], Input(json).GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
    }

    [Fact]
    public void Bench_on_a_backend_test_folder_reads_its_data_set()
    {
        SaveReluModel();
        string dataSet = Directory.CreateDirectory(_folder.File("test_data_set_0")).FullName;
        TensorFile.Write(Path.Combine(dataSet, "input_0.pb"), Tensor.FromArray(new float[8], 2, 4));

        var (code, output, _) = Run("bench", _folder.Path, "--runs", "2", "--warmup", "0", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("data set", Input(json).GetProperty("source").GetString());
        Assert.Equal([2L, 4L], Input(json).GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
    }

    [Fact]
    public void Bench_prints_latency_as_text_by_default()
    {
        var (code, output, _) = Run("bench", SaveReluModel(), "--runs", "2", "--warmup", "0");

        Assert.Equal(0, code);
        Assert.Contains("latency           median ", output);
        Assert.Contains("(2 runs after 0 warm-ups)", output);
        Assert.Contains("x [1,4] (generated)", output);
    }

    [Fact]
    public void Bench_profile_reports_time_per_operator_in_text_and_json()
    {
        var (code, output, _) = Run("bench", SaveReluModel(), "--runs", "2", "--warmup", "1", "--level", "none", "--profile");
        var (jsonCode, jsonOutput, _) = Run("bench", SaveReluModel(), "--runs", "2", "--warmup", "1", "--level", "none", "--profile", "--json");

        Assert.Equal(0, code);
        Assert.Contains("profile           kernels ", output);
        Assert.Matches(@"\n  Relu +1 +\d", output);
        Assert.Equal(0, jsonCode);
        using var json = JsonDocument.Parse(jsonOutput);
        JsonElement relu = json.RootElement.GetProperty("profile").EnumerateArray().Single();
        Assert.Equal("Relu", relu.GetProperty("operator").GetString());
        Assert.Equal(1, relu.GetProperty("nodes").GetInt32());
        Assert.True(relu.GetProperty("msPerRun").GetDouble() > 0);
    }

    [Theory]
    [InlineData("batch", "--dims 'batch' must be NAME=VALUE with VALUE a positive integer")]
    [InlineData("batch=0", "--dims 'batch=0' must be NAME=VALUE with VALUE a positive integer")]
    [InlineData("batch=two", "--dims 'batch=two' must be NAME=VALUE")]
    [InlineData("seq=8", "'seq' is not a symbolic dim of an input; the symbolic dims are batch")]
    public void Bench_refuses_bad_dims_with_exit_code_2(string dims, string message)
    {
        var (code, output, error) = Run("bench", SaveReluModel(), "--dims", dims);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("z=input.pb", "'z' is not an input; the inputs are x")]
    [InlineData("x", "--input 'x' must be NAME=FILE")]
    public void Bench_refuses_bad_inputs_with_exit_code_2(string input, string message)
    {
        var (code, _, error) = Run("bench", SaveReluModel(), "--input", input);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Bench_refuses_a_missing_input_file_and_a_missing_model()
    {
        var (inputCode, _, inputError) = Run("bench", SaveReluModel(), "--input", $"x={_folder.File("absent.pb")}");
        var (modelCode, _, modelError) = Run("bench", _folder.File("absent.onnx"));

        Assert.Equal(2, inputCode);
        Assert.Contains("absent.pb", inputError);
        Assert.Equal(2, modelCode);
        Assert.Contains("absent.onnx does not exist", modelError);
    }

    [Fact]
    public void Bench_refuses_zero_runs()
    {
        var (code, _, error) = Run("bench", SaveReluModel(), "--runs", "0");

        Assert.Equal(2, code);
        Assert.Contains("--runs must be at least 1", error);
    }
}
