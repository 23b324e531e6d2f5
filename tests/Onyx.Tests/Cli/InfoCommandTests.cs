using System.Text.Json;
using Onyx.Cli.Commands;
using Onyx.Tests.Building;
using static Onyx.Tests.Cli.OnyxCli;

namespace Onyx.Tests.Cli;

public sealed class InfoCommandTests
{
    [Fact]
    public void Info_on_the_sample_model_shows_its_properties()
    {
        var (code, output, _) = Run("info", SampleModels.MlpPath);
        Assert.Equal(0, code);
        Assert.Contains("IR version        10", output);
        Assert.Contains("Opsets            ai.onnx v21", output);
        Assert.Contains("x                       tensor(float)[batch,4]", output);
        Assert.Contains("softmax                 tensor(float)[batch,3]", output);
        Assert.Contains("Initializers      4 (268 B inline, 0 B external)", output);
        Assert.Contains("Gemm                    2", output);
        Assert.Contains("license                 Apache-2.0", output);
    }

    [Fact]
    public void Info_json_is_machine_readable()
    {
        var (code, output, _) = Run("info", SampleModels.MlpPath, "--json");
        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal(10, root.GetProperty("irVersion").GetInt64());
        Assert.Equal("ai.onnx", root.GetProperty("opsetImports")[0].GetProperty("domain").GetString());
        JsonElement shape = root.GetProperty("inputs")[0].GetProperty("shape");
        Assert.Equal("batch", shape[0].GetString());
        Assert.Equal(4, shape[1].GetInt64());
        Assert.Equal(268, root.GetProperty("initializers").GetProperty("inlineBytes").GetInt64());
        Assert.Equal(2, root.GetProperty("opTypes").GetProperty("Gemm").GetInt32());
    }

    [Fact]
    public void Info_counts_external_weights_without_their_files()
    {
        using var folder = new TempFolder();
        string path = folder.File("m.onnx");
        SampleModels.Mlp().Save(path, new SaveOptions { ExternalDataThreshold = 64 });
        File.Delete(path + ".data");
        var (code, output, _) = Run("info", path);
        Assert.Equal(0, code);
        Assert.Contains("Initializers      4 (44 B inline, 224 B external)", output);
    }

    [Fact]
    public void Info_on_a_malformed_file_exits_with_2_and_says_why()
    {
        using var folder = new TempFolder();
        string path = folder.File("bad.onnx");
        File.WriteAllBytes(path, [0x08, 0x80]);
        var (code, _, error) = Run("info", path);
        Assert.Equal(2, code);
        Assert.Contains("ends inside a varint", error);
    }
}
